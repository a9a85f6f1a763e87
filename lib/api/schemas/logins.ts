import { z } from "zod";
import { loginMethodEnum, loginStepEnum } from "@/db/schema";
import { iso, isoOrNull } from "@/lib/http/json-dates";
import { phoneSchema } from "@/lib/telegram/login/phone";
import { maxAttempts, type LoginState } from "@/lib/telegram/login/state";
import { displayName } from "./sessions";

export const startLoginBody = z.object({ phone: phoneSchema });
export const codeBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{4,8}$/, "The code is 4 to 8 digits."),
});
export const passwordBody = z.object({ password: z.string().min(1, "Enter the password.").max(256) });

/** What the API and the wizard see of a login flow: never the key, the code hash or the phone itself. */
export const loginView = z.object({
  id: z.string(),
  method: z.enum(loginMethodEnum.enumValues),
  step: z.enum(loginStepEnum.enumValues),
  phoneMasked: z.string().nullable(),
  codeType: z.string().nullable(),
  nextCodeType: z.string().nullable(),
  codeLength: z.number().nullable(),
  resendAvailableAt: z.string().nullable(),
  passwordHint: z.string().nullable(),
  attemptsLeft: z.number(),
  floodWaitUntil: z.string().nullable(),
  expiresAt: z.string(),
  sessionId: z.string().nullable(),
  qr: z.object({ url: z.string(), expiresAt: z.string() }).optional(),
  /** On success: how many other usable sessions this account already had in the console. */
  otherSessions: z.number().optional(),
  /** On success: the account's display name. */
  accountName: z.string().optional(),
});
export type LoginView = z.infer<typeof loginView>;

export function toLoginView({ flow, qr, otherSessions, account }: LoginState): LoginView {
  return {
    id: flow.id,
    method: flow.method,
    step: flow.step,
    phoneMasked: flow.phoneMasked,
    codeType: flow.codeType,
    nextCodeType: flow.nextCodeType,
    codeLength: flow.codeLength,
    resendAvailableAt: isoOrNull(flow.resendAvailableAt),
    passwordHint: flow.passwordHint,
    attemptsLeft: Math.max(0, maxAttempts - flow.attempts),
    floodWaitUntil: isoOrNull(flow.floodWaitUntil),
    expiresAt: iso(flow.expiresAt),
    sessionId: flow.resultSessionId,
    ...(qr ? { qr: { url: qr.url, expiresAt: iso(qr.expiresAt) } } : {}),
    ...(otherSessions === undefined ? {} : { otherSessions }),
    ...(account ? { accountName: displayName(account) } : {}),
  };
}
