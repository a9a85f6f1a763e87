import type { LoginFlow } from "@/db/schema";
import { iso, isoOrNull } from "@/lib/http/json-dates";

export const maxAttempts = 5;

/** What the API and the wizard see of a login flow: never the key, the code hash or the phone itself. */
export type LoginView = {
  id: string;
  method: "phone" | "qr";
  step: LoginFlow["step"];
  phoneMasked: string | null;
  codeType: string | null;
  nextCodeType: string | null;
  codeLength: number | null;
  resendAvailableAt: string | null;
  passwordHint: string | null;
  attemptsLeft: number;
  floodWaitUntil: string | null;
  expiresAt: string;
  sessionId: string | null;
  qr?: { url: string; expiresAt: string };
  /** On success: how many other usable sessions this account already had in the console. */
  otherSessions?: number;
};

export function toLoginView(flow: LoginFlow, extra: Pick<LoginView, "qr" | "otherSessions"> = {}): LoginView {
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
    ...extra,
  };
}
