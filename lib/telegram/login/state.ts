import type { LoginFlow } from "@/db/schema";

export const maxAttempts = 5;

/** Where a login stands after a step: its row, and what the step learned that the row does not keep. */
export type LoginState = {
  flow: LoginFlow;
  qr?: { url: string; expiresAt: Date };
  /** On success: how many other usable sessions this account already had in the console. */
  otherSessions?: number;
  /** On success: the account's name as Telegram gave it. */
  account?: { firstName: string; lastName: string | null };
};
