import { z } from "zod";
import type { Db } from "@/db";
import { findUserById, setPassword } from "@/db/queries/users";
import { writeAuthAudit } from "./audit";
import { verifyPassword } from "./password";
import { newPasswordSchema } from "./password-policy";
import type { RequestMeta } from "./request-meta";
import type { UserActor } from "./session-actor";
import { countSignInFailure, signInRetryAfter } from "./throttle";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(1024),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
export type ChangePasswordOutcome =
  { kind: "changed" } | { kind: "wrong_password" } | { kind: "throttled"; retryAfter: number };

/**
 * Replaces the member's password after checking the current one (guesses count toward sign-in throttling),
 * clears the temporary-password flag and ends every session, this one included.
 */
export async function changePassword(
  db: Db,
  member: Pick<UserActor, "id" | "email">,
  input: ChangePasswordInput,
  meta: RequestMeta,
): Promise<ChangePasswordOutcome> {
  const attempt = { email: member.email, ip: meta.ip };
  const retryAfter = await signInRetryAfter(db, attempt);
  if (retryAfter !== null) return { kind: "throttled", retryAfter };
  const user = await findUserById(db, member.id);
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await db.transaction(async (tx) => {
      await countSignInFailure(tx, attempt);
      await writeAuthAudit(tx, {
        action: "auth.password_change",
        outcome: "failure",
        actorId: member.id,
        email: member.email,
        meta,
      });
    });
    return { kind: "wrong_password" };
  }
  await db.transaction(async (tx) => {
    await setPassword(tx, member.id, input.newPassword, false);
    await writeAuthAudit(tx, {
      action: "auth.password_change",
      outcome: "success",
      actorId: member.id,
      email: member.email,
      meta,
    });
  });
  return { kind: "changed" };
}
