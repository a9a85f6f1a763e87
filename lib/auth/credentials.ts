import { z } from "zod";
import type { Db } from "@/db";
import { findUserByEmail, normalizeEmail, recordSignIn } from "@/db/queries/users";
import { writeAuthAudit } from "./audit";
import { dummyPasswordHash, verifyPassword } from "./password";
import type { RequestMeta } from "./request-meta";
import { countSignInFailure } from "./throttle";

/** What the sign-in cookie is issued for. */
export type SignedInUser = { id: string; email: string; sessionVersion: number };

// Bounded so an oversized body cannot make scrypt or the failure table do unbounded work.
const credentialsSchema = z.object({ email: z.string().max(254), password: z.string().max(1024) });

/**
 * Checks an email and password. Every failure looks the same to the caller (null) and costs the same
 * time: an unknown email is verified against a dummy hash. Failures are counted for throttling.
 */
export async function authorizeCredentials(
  db: Db,
  credentials: unknown,
  meta: RequestMeta,
): Promise<SignedInUser | null> {
  const input = credentialsSchema.safeParse(credentials).data ?? { email: "", password: "" };
  const email = normalizeEmail(input.email);
  // Awaited on every path, so computing it once per process does not single out an unknown email.
  const dummyHash = await dummyPasswordHash();
  const user = email ? await findUserByEmail(db, email) : undefined;
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? dummyHash);
  const reason = !user ? "unknown_email" : !passwordOk ? "wrong_password" : user.disabled ? "disabled" : null;

  if (!user || reason) {
    await db.transaction(async (tx) => {
      await countSignInFailure(tx, { email, ip: meta.ip });
      await writeAuthAudit(tx, {
        action: "auth.sign_in",
        outcome: "failure",
        actorId: user?.id ?? null,
        email,
        meta,
        detail: { reason },
      });
    });
    return null;
  }
  await db.transaction(async (tx) => {
    await recordSignIn(tx, user.id);
    await writeAuthAudit(tx, { action: "auth.sign_in", outcome: "success", actorId: user.id, email, meta });
  });
  return { id: user.id, email: user.email, sessionVersion: user.sessionVersion };
}
