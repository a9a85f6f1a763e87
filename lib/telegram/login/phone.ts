import { Api } from "telegram";
import { z } from "zod";

/** A phone number as Telegram wants it: international digits, no "+" or separators. */
export const phoneSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s().-]/g, ""))
  .pipe(z.string().regex(/^\+?[1-9]\d{6,14}$/, "Enter the number in international format, e.g. +99966 2 1234."))
  .transform((value) => value.replace(/^\+/, ""));

/** "+99966•••34": enough to recognise an account, not enough to dial it. */
export function maskPhone(digits: string): string {
  const visibleStart = Math.min(5, Math.max(1, digits.length - 6));
  return `+${digits.slice(0, visibleStart)}${"•".repeat(Math.max(3, digits.length - visibleStart - 2))}${digits.slice(-2)}`;
}

/** "auth.SentCodeTypeFlashCall" → "flash_call": how the code travels, for the wizard to explain. */
function typeName(type: { className: string } | undefined, prefix: string): string | null {
  if (!type) return null;
  const name = type.className.replace(`auth.${prefix}`, "");
  return name.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
}

export type SentCodeFacts = {
  phoneCodeHash: string;
  codeType: string | null;
  nextCodeType: string | null;
  codeLength: number | null;
  resendAvailableAt: Date;
};

export function sentCodeFacts(sent: Api.auth.TypeSentCode): SentCodeFacts {
  if (!(sent instanceof Api.auth.SentCode)) throw new Error(`unexpected answer to sendCode: ${sent.className}`);
  const length = "length" in sent.type && typeof sent.type.length === "number" ? sent.type.length : null;
  return {
    phoneCodeHash: sent.phoneCodeHash,
    codeType: typeName(sent.type, "SentCodeType"),
    nextCodeType: typeName(sent.nextType, "CodeType"),
    codeLength: length,
    // Telegram names the wait before another code may be asked for; without one, a minute is polite.
    resendAvailableAt: new Date(Date.now() + (sent.timeout ?? 60) * 1000),
  };
}
