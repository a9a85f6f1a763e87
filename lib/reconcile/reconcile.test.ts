import { eq } from "drizzle-orm";
import { Api } from "telegram";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as terminateOne from "@/app/api/v1/sessions/[id]/authorizations/[hash]/route";
import * as terminateOthers from "@/app/api/v1/sessions/[id]/authorizations/terminate-others/route";
import * as ttl from "@/app/api/v1/sessions/[id]/authorizations/ttl/route";
import { telegramSessions } from "@/db/schema";
import { callRoute } from "@/tests/support/call-route";
import { routeTestDatabase } from "@/tests/support/route-database";
import { sleep } from "@/lib/telegram/connection/backoff";
import { withSessionClient } from "@/lib/telegram/connection";
import { allDrivers, type TestDatabase } from "@/tests/support/database";
import { loginForeignDevice } from "@/tests/rotation/foreign-device";
import { startConsoleSandbox, testPhones } from "@/tests/support/sandbox";
import { loggedInSession } from "@/tests/rotation/session-routes";
import { env } from "@/lib/env";
import { telegramTarget } from "@/lib/telegram/target";
import { reconcileAuthorizations } from "./reconcile";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

// Telegram's 24 hours before a new session may end others, scaled down; long enough that the first refusal is
// still seen when CI runs suites side by side, and waited out from the session's own login, not a fixed pause.
const freshResetMs = 10_000;
const sandbox = await startConsoleSandbox(
  { TELEGRAM_IDLE_SECONDS: "0" },
  { limits: { freshResetSeconds: freshResetMs / 1000 } },
);
const nextPhone = testPhones(8000);
const untilNoLongerFresh = (loggedInAt: number) => sleep(Math.max(0, loggedInAt + freshResetMs + 100 - Date.now()));

describe.each(allDrivers)("reconcile with Telegram's device list on %s", (driver) => {
  let database: TestDatabase;
  let admin: string;
  let viewer: string;

  beforeAll(async () => ({ database, admin, viewer } = await routeTestDatabase(driver)));
  afterAll(() => database.close());

  const ownership = async (id: string) => {
    const list = await withSessionClient(database.db, id, (client) =>
      client.invoke(new Api.account.GetAuthorizations()),
    );
    const owner = await reconcileAuthorizations(database.db, id, list);
    return list.authorizations.map((a) => ({ hash: a.hash.toString(), device: a.deviceModel, ...owner(a) }));
  };
  const alertsOf = (id: string) =>
    database.db.query.alertEvents.findMany({ where: (e, { eq: is }) => is(e.sessionId, id), orderBy: (e) => e.id });
  const status = async (id: string) =>
    (await database.db.query.telegramSessions.findFirst({ where: eq(telegramSessions.id, id) }))?.status;

  it("flags foreign devices, terminates one, refuses a console session, and invalidates a session Telegram no longer lists", async () => {
    const phone = nextPhone();
    const a = await loggedInSession(admin, phone);
    const aLoggedInAt = Date.now();
    const b = await loggedInSession(admin, phone);
    await loginForeignDevice(sandbox, phone);
    const seen = await ownership(a);
    expect(
      seen
        .map(({ device, foreign, consoleSessionId }) => ({ device, foreign, consoleSessionId }))
        .sort((x, y) => x.device.localeCompare(y.device)),
    ).toEqual([
      { device: "Pixel 8", foreign: true, consoleSessionId: null },
      { device: "Telegram Session Console", foreign: false, consoleSessionId: expect.any(String) },
      { device: "Telegram Session Console", foreign: false, consoleSessionId: expect.any(String) },
    ]);
    const foreign = seen.find((s) => s.foreign)?.hash ?? "";
    const ofB = seen.find((s) => s.consoleSessionId === b)?.hash ?? "";
    const del = (hash: string, token = admin) =>
      callRoute(terminateOne.DELETE, "DELETE", { token, params: { id: a, hash } });

    expect(await del(foreign)).toMatchObject({
      status: 422,
      body: { error: { message: expect.stringMatching(/24 hours/) } },
    });
    await untilNoLongerFresh(aLoggedInAt);
    expect((await del(foreign, viewer)).status).toBe(403);
    expect(await del(ofB)).toMatchObject({ status: 409 });
    expect(await del(foreign)).toMatchObject({ status: 200, body: { terminated: foreign } });
    expect(sandbox.authorizations(phone).find((x) => x.id === foreign)?.state).toBe("revoked");

    sandbox.revokeAuthorization(ofB);
    await ownership(a);
    expect(await status(b)).toBe("invalid");
    const evidence = await database.db.query.sessionEvents.findMany({ where: (e, { eq: is }) => is(e.sessionId, b) });
    expect(evidence.at(-1)?.detail).toMatchObject({ to: "invalid", errorCode: "NOT_LISTED_BY_TELEGRAM" });
    expect((await alertsOf(b)).map((e) => e.kind)).toEqual(["session.invalid", "session.revoked_elsewhere"]);
    // The foreign phone was raised once, with what Telegram shows of it, however often the list was read.
    expect((await alertsOf(a)).map((e) => [e.kind, e.details])).toEqual([
      ["device.foreign", expect.objectContaining({ hash: foreign, deviceModel: "Pixel 8" })],
    ]);
  }, 60_000);

  it("calls a device that copies the console's device model, api_id, app and login time foreign, and ends it", async () => {
    const phone = nextPhone();
    const a = await loggedInSession(admin, phone);
    const aLoggedInAt = Date.now();
    const b = await loggedInSession(admin, phone);
    const { TELEGRAM_DEVICE_MODEL, TELEGRAM_SYSTEM_VERSION, TELEGRAM_APP_VERSION } = env();
    await loginForeignDevice(sandbox, phone, {
      deviceModel: TELEGRAM_DEVICE_MODEL,
      apiId: (await telegramTarget()).apiId,
      systemVersion: TELEGRAM_SYSTEM_VERSION,
      appVersion: TELEGRAM_APP_VERSION,
    });
    const devices = sandbox.authorizations(phone).sort((x, y) => x.createdAt.localeCompare(y.createdAt));
    expect(devices).toHaveLength(3);
    const [ofB, impostor] = devices.slice(1).map(({ id, device, createdAt }) => ({ id, device, createdAt }));
    expect(impostor!.device).toEqual(ofB!.device);
    expect(Date.parse(impostor!.createdAt) - Date.parse(ofB!.createdAt)).toBeLessThan(120_000);

    const seen = await ownership(a);
    expect(seen.find((s) => s.hash === ofB!.id)).toMatchObject({ foreign: false, consoleSessionId: b });
    expect(seen.find((s) => s.hash === impostor!.id)).toMatchObject({ foreign: true, consoleSessionId: null });
    await untilNoLongerFresh(aLoggedInAt);
    expect(
      await callRoute(terminateOne.DELETE, "DELETE", { token: admin, params: { id: a, hash: impostor!.id } }),
    ).toMatchObject({ status: 200, body: { terminated: impostor!.id } });
    expect(sandbox.authorizations(phone).find((x) => x.id === impostor!.id)?.state).toBe("revoked");
    expect(await status(b)).toBe("active");
  }, 60_000);

  it("terminates all other devices (the console's other sessions become invalid) and sets the auto-terminate period", async () => {
    const phone = nextPhone();
    const a = await loggedInSession(admin, phone);
    const aLoggedInAt = Date.now();
    const c = await loggedInSession(admin, phone);
    await loginForeignDevice(sandbox, phone);
    await untilNoLongerFresh(aLoggedInAt);
    const others = (token: string) => callRoute(terminateOthers.POST, "POST", { token, params: { id: a } });
    expect((await others(viewer)).status).toBe(403);
    expect(await others(admin)).toMatchObject({ status: 200, body: { consoleSessionsEnded: 1 } });
    expect(sandbox.authorizations(phone).filter((x) => x.state === "active")).toHaveLength(1);
    expect(await status(c)).toBe("invalid");
    // Ended by the console itself: invalid, but not revoked elsewhere.
    expect((await alertsOf(c)).map((e) => e.kind)).toEqual(["session.invalid"]);
    expect(await status(a)).toBe("active");

    const setTtl = (days: unknown, token = admin) =>
      callRoute(ttl.POST, "POST", { token, params: { id: a }, body: { days } });
    expect((await setTtl(30, viewer)).status).toBe(403);
    expect((await setTtl(0)).status).toBe(400);
    expect(await setTtl(30)).toMatchObject({ status: 200, body: { ttlDays: 30 } });
    const list = await withSessionClient(database.db, a, (client) =>
      client.invoke(new Api.account.GetAuthorizations()),
    );
    expect(list.authorizationTtlDays).toBe(30);
    expect(
      (await database.db.query.telegramSessions.findFirst({ where: eq(telegramSessions.id, a) }))?.authorizationTtlDays,
    ).toBe(30);
  }, 60_000);
});
