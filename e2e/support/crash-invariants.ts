import { sessions } from "telegram";
import type { Db } from "@/db";
import { openSteps } from "@/db/queries/login-flows";
import { secrets } from "@/lib/keys/encrypted-columns";
import { closedRotationSteps } from "@/db/queries/rotations";
// Playwright loads this outside any server bundle, where lib/vault's "server-only" fence throws: import the parts.
import { decrypt } from "@/lib/vault/cipher";
import type { KeyRing } from "@/lib/vault/key-ring";
import type { SandboxProcess } from "./crash-sandbox";

const usable = new Set(["active", "degraded"]);

/** What must hold at every moment, crash or not: read right after each restart, before any recovery could help. */
export async function instantViolations(db: Db): Promise<string[]> {
  const rows = await db.query.telegramSessions.findMany({
    columns: { id: true, accountId: true, status: true, sessionCiphertext: true, revokedAt: true },
  });
  const owed = new Set(
    (await db.query.sessionRevocations.findMany({ columns: { sessionId: true } })).map((r) => r.sessionId),
  );
  const found: string[] = [];
  const usableByAccount = new Map<string, number>();
  for (const row of rows) {
    if (usable.has(row.status)) {
      if (row.revokedAt || !row.sessionCiphertext || owed.has(row.id))
        found.push(`session ${row.id} is ${row.status} and revoked`);
      usableByAccount.set(row.accountId, (usableByAccount.get(row.accountId) ?? 0) + 1);
    }
    if (row.status === "revoked" && (row.sessionCiphertext || owed.has(row.id)))
      found.push(`session ${row.id} is revoked but its key or logout is kept`);
  }
  // Every run logs in an account of its own, so a rotation must leave exactly one usable session of it.
  for (const [accountId, count] of usableByAccount)
    if (count > 1) found.push(`account ${accountId} has ${count} usable sessions`);
  return found;
}

/**
 * What must hold once the console's own recovery has run: nothing half-done, and "Telegram" (the sandbox's
 * authorization list) and the console agree key for key.
 */
export async function settledViolations(db: Db, sandbox: SandboxProcess, ring: KeyRing): Promise<string[]> {
  const found = await instantViolations(db);
  for (const r of await db.query.sessionRotations.findMany({ columns: { id: true, step: true } })) {
    if (!closedRotationSteps.includes(r.step)) found.push(`rotation ${r.id} left at ${r.step}`);
  }
  for (const r of await db.query.sessionRevocations.findMany({ columns: { sessionId: true } }))
    found.push(`logout of session ${r.sessionId} still owed`);
  for (const f of await db.query.loginFlows.findMany({ columns: { id: true, step: true, lockedUntil: true } })) {
    if (openSteps.includes(f.step) && f.lockedUntil)
      found.push(`login ${f.id} at ${f.step} is held by a step that died`);
  }
  const consoleKeys = new Map<string, string>();
  for (const row of await db.query.telegramSessions.findMany({
    columns: { id: true, status: true, sessionCiphertext: true },
  })) {
    if (usable.has(row.status) && row.sessionCiphertext)
      consoleKeys.set(
        await authKeyHex(decrypt(ring, row.sessionCiphertext, secrets.sessionString.binding(row.id))),
        row.id,
      );
  }
  const telegramKeys = new Set<string>();
  for (const a of (await sandbox.allAuthorizations()).filter((a) => a.state === "active")) {
    const key = sandbox.authKeyOf(a.id) ?? `unknown key of ${a.id}`;
    telegramKeys.add(key);
    if (!consoleKeys.has(key)) found.push(`Telegram authorization ${a.id} of ${a.phone} has no usable console session`);
  }
  for (const [key, id] of consoleKeys)
    if (!telegramKeys.has(key)) found.push(`usable session ${id} is not authorized at Telegram`);
  return found;
}

async function authKeyHex(sessionString: string): Promise<string> {
  const session = new sessions.StringSession(sessionString);
  await session.load();
  return session.getAuthKey()?.getKey()?.toString("hex") ?? "";
}
