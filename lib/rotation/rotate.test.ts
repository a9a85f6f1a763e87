import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sessionRevocations, telegramSessions } from "@/db/schema";
import { routeTestDatabase } from "@/tests/support/route-database";
import { checkSession } from "@/lib/health/check";
import { allDrivers, type TestDatabase } from "@/tests/support/database";
import { startConsoleSandbox, testPhones } from "@/tests/support/sandbox";
import { loggedInSession, sessionActions } from "@/tests/rotation/session-routes";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const sandbox = await startConsoleSandbox({
  TELEGRAM_CONNECT_TIMEOUT_MS: "1500",
  TELEGRAM_REQUEST_TIMEOUT_MS: "2000",
  TELEGRAM_CONNECT_ATTEMPTS: "1",
});
const nextPhone = testPhones(6000);

describe.each(allDrivers)("rotation against the sandbox on %s", (driver) => {
  let database: TestDatabase;
  let admin: string;
  let viewer: string;

  beforeAll(async () => ({ database, admin, viewer } = await routeTestDatabase(driver)));
  afterAll(() => database.close());

  const row = (id: string) =>
    database.db.query.telegramSessions.findFirst({ where: eq(telegramSessions.id, id), with: { account: true } });
  const states = (phone: string) =>
    sandbox
      .authorizations(phone)
      .map((a) => a.state)
      .sort();

  it("rotates: a new authorized key with the same Telegram user, the old key logged out and destroyed", async () => {
    const phone = nextPhone();
    const oldId = await loggedInSession(admin, phone);
    const before = await row(oldId);
    const rotated = await sessionActions(admin).rotate(oldId);
    expect(rotated).toMatchObject({ status: 200, body: { status: "rotated", oldSessionStatus: "revoked" } });
    const newId: string = rotated.body.newSessionId;
    expect(JSON.stringify(rotated.body)).not.toContain(before?.sessionCiphertext ?? "-");

    expect(states(phone)).toEqual(["active", "logged_out"]);
    const [old, fresh] = [await row(oldId), await row(newId)];
    expect(old).toMatchObject({ status: "revoked", revokedReason: "rotated", sessionCiphertext: null });
    expect(fresh).toMatchObject({ status: "active", rotatedFromId: oldId, accountId: before?.accountId });
    expect(fresh?.sessionCiphertext).not.toBe(before?.sessionCiphertext);
    expect(fresh?.account.telegramUserId).toBe(before?.account.telegramUserId);
    expect((await checkSession(database.db, newId)).result).toBe("ok");
  }, 30_000);

  it("asks for the 2FA password, refuses a wrong one, and rotates with the right one", async () => {
    const phone = nextPhone();
    sandbox.createAccount({ phone, password: "rotate-me", hint: "the usual" });
    const oldId = await loggedInSession(admin, phone, "rotate-me");
    const api = sessionActions(admin);
    const asked = await api.rotate(oldId);
    expect(asked).toMatchObject({
      status: 422,
      body: { error: { code: "password_required", fields: { hint: "the usual" } } },
    });
    const wrong = await api.rotate(oldId, { password: "nope" });
    expect(wrong).toMatchObject({ status: 422, body: { error: { code: "telegram_refused" } } });
    const done = await api.rotate(oldId, { password: "rotate-me" });
    expect(done).toMatchObject({ status: 200, body: { status: "rotated" } });
    expect(states(phone)).toEqual(["active", "logged_out"]);
    expect((await checkSession(database.db, done.body.newSessionId)).result).toBe("ok");
  }, 30_000);

  it("lets exactly one of a rotate and a revoke of one session win; the other gets 409", async () => {
    const oldId = await loggedInSession(admin, nextPhone());
    const api = sessionActions(admin);
    const answers = await Promise.all([api.rotate(oldId), api.revoke(oldId)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const twice = await Promise.all([api.revoke(oldId), api.revoke(oldId)]);
    expect(twice.every((a) => a.status === 409)).toBe(true);
  }, 30_000);

  it("refuses viewers on every action", async () => {
    const oldId = await loggedInSession(admin, nextPhone());
    const api = sessionActions(viewer);
    for (const answer of [await api.rotate(oldId), await api.revoke(oldId), await api.forget(oldId)]) {
      expect(answer).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    }
    expect((await row(oldId))?.status).toBe("active");
    expect(
      await database.db.query.sessionRevocations.findFirst({ where: eq(sessionRevocations.sessionId, oldId) }),
    ).toBeUndefined();
  }, 30_000);
});
