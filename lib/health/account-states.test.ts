import { eq } from "drizzle-orm";
import { Api } from "telegram";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSessionDetail } from "@/db/queries/sessions";
import { sessionFloodWaits } from "@/db/schema";
import { toSessionDetail } from "@/lib/api/schemas/sessions";
import { forgetSession, systemRequester } from "@/lib/revocation/revoke";
import { ConnectionManager } from "@/lib/telegram/connection/manager";
import { describeTelegramFailure } from "@/lib/telegram/messages";
import { TelegramFailure } from "@/lib/telegram/errors";
import { createTestDatabase, allDrivers, type TestDatabase } from "@/tests/support/database";
import { seedOne, sessionRow } from "@/tests/support/sandbox-sessions";
import { startConsoleSandbox } from "@/tests/support/sandbox";
import { checkSession } from "./check";
import { healthConfig } from "./config";

const sandbox = await startConsoleSandbox();

describe.each(allDrivers)("account states at the health check on %s", (driver) => {
  let database: TestDatabase;
  let manager: ConnectionManager;
  let check: (id: string) => ReturnType<typeof checkSession>;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    manager = new ConnectionManager({ idleMs: 0, floodSleepSeconds: 3 });
    const config = healthConfig({ intervalSeconds: 300, retryBaseSeconds: 30 });
    check = (id) => checkSession(database.db, id, { manager, config });
  });
  afterAll(() => database.close());

  const detail = async (id: string) => toSessionDetail((await findSessionDetail(database.db, id))!);

  it("finds a frozen account frozen at the next check, with its appeal link, and keeps 420s out of the flood ledger", async () => {
    const { id, phone } = await seedOne(database.db);
    expect(await check(id)).toMatchObject({ result: "ok", status: "active" });
    sandbox.freeze(phone, { untilDays: 20, appealUrl: "https://t.me/SpamBot?start=frozen" });
    expect(await check(id)).toMatchObject({ result: "frozen", status: "frozen", errorCode: null });
    const frozen = await detail(id);
    expect(frozen.freeze?.appealUrl).toBe("https://t.me/SpamBot?start=frozen");
    expect(Date.parse(frozen.freeze!.until!) - Date.parse(frozen.freeze!.since)).toBe(20 * 86_400_000);
    expect((await sessionRow(database.db, id)).nextCheckAt.getTime() - Date.now()).toBeGreaterThan(260_000);

    const write = manager.run(database.db, id, (client) =>
      client.invoke(new Api.account.SetAuthorizationTTL({ authorizationTtlDays: 30 })),
    );
    const failure = await write.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TelegramFailure);
    expect(failure).toMatchObject({ kind: "refused", code: "FROZEN_METHOD_INVALID" });
    expect(describeTelegramFailure(failure as TelegramFailure)).toMatch(/frozen/);
    const ledger = await database.db.select().from(sessionFloodWaits).where(eq(sessionFloodWaits.sessionId, id));
    expect(ledger).toEqual([]);
    expect(await sessionRow(database.db, id)).toMatchObject({
      status: "frozen",
      rateLimitHits: 0,
      floodWaitUntil: null,
    });

    sandbox.unfreeze(phone);
    expect(await check(id)).toMatchObject({ result: "ok", status: "active" });
    expect((await detail(id)).freeze).toBeNull();
  });

  it("ends a banned account's session as banned for good, and lets it be forgotten", async () => {
    const { id, phone } = await seedOne(database.db);
    sandbox.ban(phone);
    expect(await check(id)).toMatchObject({ result: "invalid", status: "banned", errorCode: "USER_DEACTIVATED_BAN" });
    expect(describeTelegramFailure(new TelegramFailure("terminal", "USER_DEACTIVATED_BAN"))).toBe(
      "Telegram has banned this account.",
    );
    const requests = sandbox.log(phone).length;
    expect(await check(id)).toMatchObject({ result: "skipped", status: "banned" });
    expect(sandbox.log(phone)).toHaveLength(requests);
    expect(await forgetSession(database.db, id, systemRequester)).toEqual({ id, status: "revoked" });
  });

  it("tells a deleted account (USER_DEACTIVATED) apart, and flags a restricted one without changing its status", async () => {
    const deleted = await seedOne(database.db);
    sandbox.addFault({ error: "USER_DEACTIVATED", code: 401, phone: deleted.phone, times: 0 });
    expect(await check(deleted.id)).toMatchObject({ status: "deactivated", errorCode: "USER_DEACTIVATED" });
    sandbox.clearFaults();

    const restricted = await seedOne(database.db);
    sandbox.restrict(restricted.phone, { reason: "spam", text: "Reported for spam" });
    expect(await check(restricted.id)).toMatchObject({ result: "ok", status: "active" });
    expect((await detail(restricted.id)).restricted).toEqual({
      reasons: [{ platform: "all", reason: "spam", text: "Reported for spam" }],
    });
    sandbox.unrestrict(restricted.phone);
    await check(restricted.id);
    expect((await detail(restricted.id)).restricted).toBeNull();
  });
});
