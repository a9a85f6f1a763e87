/** The link a Telegram app opens from the QR code (tg://login?token=…, base64url without padding). */
export function qrLink(token: Buffer): string {
  return `tg://login?token=${token.toString("base64url")}`;
}
