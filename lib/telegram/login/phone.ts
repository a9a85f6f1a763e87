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
