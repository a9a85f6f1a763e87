/**
 * Decodes unpadded base64url, accepting only the one canonical spelling of each byte string.
 * Buffer.from is lenient (skips bad characters, ignores spare low bits), which would let an altered
 * envelope or a mistyped key decode to the same bytes.
 */
export function decodeBase64Url(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64url");
  return bytes.toString("base64url") === text ? bytes : undefined;
}
