import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sessionRevocations, telegramSessions } from "@/db/schema";
import { routeTestDatabase } from "@/tests/support/route-database";
import { SessionUnavailableError, withSessionClient } from "@/lib/telegram/connection";
import { connectionManager } from "@/lib/telegram/connection/manager";
import { allDrivers, type TestDatabase } from "@/tests/support/database";
import { startConsoleSandbox, testPhones } from "@/tests/support/sandbox";
import { loggedInSession, sessionActions } from "@/tests/rotation/session-routes";
import { retryDueRevocations } from "./retry";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const sandbox = await startConsoleSandbox({
  TELEGRAM_CONNECT_TIMEOUT_MS: "5000",
  TELEGRAM_REQUEST_TIMEOUT_MS: "2000",
  TELEGRAM_CONNECT_ATTEMPTS: "1",
});
const nextPhone = testPhones(7000);

describe.each(allDrivers)("revoke against the sandbox on %s", (driver) => {
  let database: TestDatabase;
  let admin: string;

  beforeAll(async () => ({ database, admin } = await routeTestDatabase(driver)));
  afterAll(() => database.close());

  const row = (id: string) => database.db.query.telegramSessions.findFirst({ where: eq(telegramSessions.id, id) });
  const pending = (id: string) =>
    database.db.query.sessionRevocations.findFirst({ where: eq(sessionRevocations.sessionId, id) });
  const auditOf = async (id: string) =>
    (await database.db.query.auditLog.findMany({ orderBy: (a, { asc }) => asc(a.id) }))
      .filter((a) => a.target === id)
      .map((a) => `${a.actorLabel}:${a.action}:${a.outcome}`);

  it("logs the key out at Telegram, destroys it and records who revoked it, with its audit row", async () => {
    const phone = nextPhone();
    const id = await loggedInSession(admin, phone);
    const answer = await sessionActions(admin).revoke(id);
    expect(answer).toMatchObject({ status: 200, body: { id, status: "revoked" } });
    expect(sandbox.authorizations(phone).map((a) => a.state)).toEqual(["logged_out"]);
    expect(await row(id)).toMatchObject({
      status: "revoked",
      sessionCiphertext: null,
      revokedReason: "revoked",
      revokedBy: `token:admin-${driver}@example.com token`,
    });
    expect(await auditOf(id)).toEqual([`token:admin-${driver}@example.com token:session.revoke:success`]);
    expect(await sessionActions(admin).revoke(id)).toMatchObject({ status: 409 });
  }, 30_000);

  it("keeps a session revoke_pending while Telegram drops connections, then the retry logs it out", async () => {
    const phone = nextPhone();
    const id = await loggedInSession(admin, phone);
    const before = await row(id);
    sandbox.addTransportFault({ kind: "drop", times: 0, phone });
    const answer = await sessionActions(admin).revoke(id);
    expect(answer).toMatchObject({
      status: 200,
      body: { status: "revoke_pending", nextAttemptAt: expect.any(String) },
    });
    expect(await row(id)).toMatchObject({ status: "revoke_pending", sessionCiphertext: before?.sessionCiphertext });
    expect(await pending(id)).toMatchObject({ attempts: 1 });
    expect(await sessionActions(admin).rotate(id)).toMatchObject({ status: 409 });
    await expect(withSessionClient(database.db, id, async () => "used")).rejects.toBeInstanceOf(
      SessionUnavailableError,
    );

    await database.db
      .update(sessionRevocations)
      .set({ nextAttemptAt: sql`now()` })
      .where(eq(sessionRevocations.sessionId, id));
    expect(await retryDueRevocations(database.db, connectionManager())).toBe(0);
    expect(await pending(id)).toMatchObject({ attempts: 2 });

    sandbox.clearFaults();
    await database.db
      .update(sessionRevocations)
      .set({ nextAttemptAt: sql`now()` })
      .where(eq(sessionRevocations.sessionId, id));
    expect(await retryDueRevocations(database.db, connectionManager())).toBe(1);
    expect(await row(id)).toMatchObject({ status: "revoked", sessionCiphertext: null, revokedReason: "revoked" });
    expect(await pending(id)).toBeUndefined();
    expect(sandbox.authorizations(phone).map((a) => a.state)).toEqual(["logged_out"]);
    expect((await auditOf(id)).at(-1)).toBe("system:session.revoke:success");
  }, 60_000);

  it("forgets an invalid session without calling Telegram, and refuses to forget a live one", async () => {
    const id = await loggedInSession(admin, nextPhone());
    expect(await sessionActions(admin).forget(id)).toMatchObject({ status: 409 });
    await database.db.update(telegramSessions).set({ status: "invalid" }).where(eq(telegramSessions.id, id));
    expect(await sessionActions(admin).forget(id)).toMatchObject({ status: 200, body: { status: "revoked" } });
    expect(await row(id)).toMatchObject({ status: "revoked", sessionCiphertext: null, revokedReason: "forgotten" });
  }, 30_000);
});
