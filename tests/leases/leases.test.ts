import { eq } from "drizzle-orm";
import { Api, type TelegramClient } from "telegram";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as leaseRoute from "@/app/api/v1/leases/[id]/route";
import * as renewRoute from "@/app/api/v1/leases/[id]/renew/route";
import * as leasesRoute from "@/app/api/v1/leases/route";
import * as overviewRoute from "@/app/api/v1/overview/route";
import * as authorizationsRoute from "@/app/api/v1/sessions/[id]/authorizations/route";
import * as terminateOthersRoute from "@/app/api/v1/sessions/[id]/authorizations/terminate-others/route";
import * as createRoute from "@/app/api/v1/sessions/[id]/leases/route";
import * as tokens from "@/app/api/v1/tokens/route";
import { insertLease, saveLeaseKey } from "@/db/queries/key-leases";
import { auditLog, keyLeases } from "@/db/schema";
import { secrets } from "@/lib/keys/encrypted-columns";
import { handOffLoginToken, importAuthorization, openFreshClient, closeClient } from "@/lib/rotation/authorize";
import { saveSession } from "@/lib/telegram/client";
import { connectionManager } from "@/lib/telegram/connection/manager";
import { sleep } from "@/lib/telegram/connection/backoff";
import { encrypt, loadKeyRing } from "@/lib/vault";
import { newClient } from "@/sandbox/test/helpers";
import { callRoute } from "@/tests/support/call-route";
import { allDrivers, type TestDatabase } from "@/tests/support/database";
import { memberWithToken, routeTestDatabase, useTestDb } from "@/tests/support/route-database";
import { startConsoleSandbox } from "@/tests/support/sandbox";
import { seedOne } from "@/tests/support/sandbox-sessions";
import { loginForeignDevice } from "@/tests/rotation/foreign-device";
import { telethonGetMe } from "./run-telethon-lease";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

// Telegram lets a session end others only once it is a day old; scaled down, so a lease released right after
// its session logged in is logged out by its own key, and one released later by the console's session.
const freshResetMs = 8_000;
const sandbox = await startConsoleSandbox(
  { TELEGRAM_CONNECT_TIMEOUT_MS: "10000", TELEGRAM_REQUEST_TIMEOUT_MS: "5000" },
  { limits: { freshResetSeconds: freshResetMs / 1000 } },
);

const getSelf = (client: TelegramClient) => client.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));

/** GetMe through an unmodified GramJS client holding the lease string: the phone, or Telegram's refusal. */
async function gramjsGetMe(session: string): Promise<{ phone?: string; error?: string }> {
  const client = newClient(sandbox, session);
  try {
    await client.connect();
    const [self] = await getSelf(client);
    return { phone: (self as Api.User).phone };
  } catch (error) {
    return { error: (error as { errorMessage?: string }).errorMessage ?? String(error) };
  } finally {
    await client.destroy().catch(() => undefined);
  }
}

function leaseApi(token: string) {
  return {
    create: (sessionId: string, body: Record<string, unknown>) =>
      callRoute(createRoute.POST, "POST", { token, params: { id: sessionId }, body }),
    renew: (id: string, ttlSeconds: number) =>
      callRoute(renewRoute.POST, "POST", { token, params: { id }, body: { ttlSeconds } }),
    end: (id: string) => callRoute(leaseRoute.DELETE, "DELETE", { token, params: { id } }),
    list: (query = "") => callRoute(leasesRoute.GET, "GET", { token, query }),
  };
}

const leaseRow = async (db: TestDatabase["db"], id: string) =>
  (await db.query.keyLeases.findFirst({ where: eq(keyLeases.id, id) }))!;
const expire = (db: TestDatabase["db"], id: string) =>
  db
    .update(keyLeases)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(keyLeases.id, id));

describe("a lease string in the service's own client", () => {
  let database: TestDatabase;
  let admin: string;
  let session: { id: string; phone: string };
  let loggedInAt: number;
  beforeAll(async () => {
    ({ database, admin } = await routeTestDatabase("pglite"));
    session = await seedOne(database.db);
    loggedInAt = Date.now();
  });
  afterAll(async () => {
    await connectionManager().closeAll();
    await database.close();
  });

  const sent = (method: RegExp) => sandbox.log(session.phone).filter((e) => method.test(e.method));

  it("works in GramJS and dies at DELETE; a fresh console session has the lease log itself out", async () => {
    const api = leaseApi(admin);
    const created = await api.create(session.id, { ttlSeconds: 600, format: "gramjs" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), format: "gramjs", session: expect.any(String) });
    const leased: string = created.body.session;
    expect(await gramjsGetMe(leased)).toEqual({ phone: session.phone });

    const row = await leaseRow(database.db, created.body.id);
    expect(row).toMatchObject({ status: "active", tokenId: expect.any(String), hash: expect.any(BigInt) });
    expect(row.keyCiphertext).not.toContain(leased);
    // The console's own key is not what was handed out.
    expect(JSON.stringify(await database.db.query.telegramSessions.findMany())).not.toContain(leased);

    const ended = await api.end(created.body.id);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: "logged_out", endReason: "released" });
    expect(await gramjsGetMe(leased)).toEqual({ error: "AUTH_KEY_UNREGISTERED" });
    // Within a day of its login the console's session may not end others: the lease's own key logged out.
    expect(sent(/ResetAuthorization$/i).map((e) => e.result)).toContain("FRESH_RESET_AUTHORISATION_FORBIDDEN");
    expect(sent(/LogOut$/i).map((e) => e.result)).toContain("ok");
    expect((await leaseRow(database.db, created.body.id)).keyCiphertext).toBeNull();
  });

  it("works in Telethon; once the console's session is a day old it ends the lease by its hash (SESSION_REVOKED)", async () => {
    await sleep(Math.max(0, loggedInAt + freshResetMs + 200 - Date.now()));
    const api = leaseApi(admin);
    const created = await api.create(session.id, { ttlSeconds: 600, format: "telethon" });
    expect(created.status).toBe(201);
    expect(await telethonGetMe(created.body.session)).toEqual({ ok: true, phone: session.phone });
    const logOutsBefore = sent(/LogOut$/i).length;

    const ended = await api.end(created.body.id);
    expect(ended.body).toMatchObject({ status: "logged_out" });
    expect(await telethonGetMe(created.body.session)).toEqual({ ok: false, error: "SessionRevokedError" });
    expect(sent(/ResetAuthorization$/i).at(-1)?.result).toBe("ok");
    expect(sent(/LogOut$/i)).toHaveLength(logOutsBefore);
  });

  it("is the console's in the device list (no foreign-device alert), and ending every other device spares it", async () => {
    const api = leaseApi(admin);
    const created = await api.create(session.id, { ttlSeconds: 600, format: "gramjs" });
    await loginForeignDevice(sandbox, session.phone);
    const devices = await callRoute(authorizationsRoute.GET, "GET", { token: admin, params: { id: session.id } });
    const leased = devices.body.items.find((d: { leaseId: string | null }) => d.leaseId === created.body.id);
    expect(leased).toMatchObject({ foreign: false, consoleSessionId: null });
    expect(devices.body.items.filter((d: { foreign: boolean }) => d.foreign)).toHaveLength(1);
    const alerts = await database.db.query.alertEvents.findMany({ where: (e, o) => o.eq(e.kind, "device.foreign") });
    expect(alerts.map((a) => (a.details as { hash: string }).hash)).not.toContain(leased.hash);

    const ended = await callRoute(terminateOthersRoute.POST, "POST", { token: admin, params: { id: session.id } });
    expect(ended.status).toBe(200);
    const after = await callRoute(authorizationsRoute.GET, "GET", { token: admin, params: { id: session.id } });
    expect(after.body.items.filter((d: { foreign: boolean }) => d.foreign)).toHaveLength(0);
    expect(await gramjsGetMe(created.body.session)).toEqual({ phone: session.phone });
    expect((await api.end(created.body.id)).body.status).toBe("logged_out");
  });

  it("writes Pyrogram strings too (@mtcute/convert), and none of the strings reach the audit log or the lists", async () => {
    const api = leaseApi(admin);
    const created = await api.create(session.id, { ttlSeconds: 120, format: "pyrogram" });
    expect(created.status).toBe(201);
    expect(created.body.session).toMatch(/^[A-Za-z0-9_-]{300,}$/);
    const listed = await api.list(`?sessionId=${session.id}`);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
    const everything = JSON.stringify([listed.body, await database.db.select().from(auditLog)]);
    expect(everything).not.toContain(created.body.session);
    expect((await api.end(created.body.id)).body.status).toBe("logged_out");
  });
});

/** A key logged out by itself answers AUTH_KEY_UNREGISTERED; one ended by the console's session, SESSION_REVOKED. */
const dead = { error: expect.stringMatching(/^(AUTH_KEY_UNREGISTERED|SESSION_REVOKED)$/) };

describe.each(allDrivers)("leases on %s", (driver) => {
  let database: TestDatabase;
  let admin: string;
  let viewer: string;
  let session: { id: string; phone: string };
  beforeAll(async () => {
    ({ database, admin, viewer } = await routeTestDatabase(driver));
    session = await seedOne(database.db);
  });
  afterAll(async () => {
    await connectionManager().closeAll();
    await database.close();
  });

  const useToken = async (body: Record<string, unknown>) => {
    const created = await callRoute(tokens.POST, "POST", {
      token: admin,
      body: { name: `svc ${Math.random()}`, scope: "use", methods: ["users.*"], ...body },
    });
    expect(created.status).toBe(201);
    return created.body.token as string;
  };

  it("lets admins and use tokens with lease take one, within the token's cap and selector", async () => {
    const { token: adminRead } = await memberWithToken(database.db, `reader-${driver}@example.com`, "admin", "read");
    const other = await seedOne(database.db);
    const body = { ttlSeconds: 300, format: "gramjs" };
    for (const token of [viewer, adminRead, await useToken({})]) {
      const refused = await leaseApi(token).create(session.id, body);
      expect(refused.status).toBe(403);
    }
    const service = await useToken({ lease: true, sessions: { ids: [session.id] }, maxLeaseTtlSeconds: 600 });
    const outside = await leaseApi(service).create(other.id, body);
    expect(outside.status).toBe(404);
    const tooLong = await leaseApi(service).create(session.id, { ...body, ttlSeconds: 601 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields.ttlSeconds).toMatch(/600/);
    const defaultCap = await useToken({ lease: true });
    expect((await leaseApi(defaultCap).create(session.id, { ...body, ttlSeconds: 3601 })).status).toBe(400);
    expect((await leaseApi(admin).create(session.id, { ...body, ttlSeconds: 86_401 })).status).toBe(400);

    const taken = await leaseApi(service).create(session.id, body);
    expect(taken.status).toBe(201);
    expect(await gramjsGetMe(taken.body.session)).toEqual({ phone: session.phone });
    // The token sees and renews its own lease, within its cap; another token does not see it at all.
    expect((await leaseApi(service).renew(taken.body.id, 601)).status).toBe(400);
    const renewed = await leaseApi(service).renew(taken.body.id, 600);
    expect(renewed.status).toBe(200);
    expect(Date.parse(renewed.body.expiresAt)).toBeGreaterThan(Date.parse(taken.body.expiresAt));
    expect((await leaseApi(service).list()).body.items.map((i: { id: string }) => i.id)).toEqual([taken.body.id]);
    expect((await leaseApi(defaultCap).end(taken.body.id)).status).toBe(404);
    const released = await leaseApi(service).end(taken.body.id);
    expect(released.body).toMatchObject({ status: "logged_out", endReason: "released", tokenId: expect.any(String) });
    expect((await leaseApi(service).renew(taken.body.id, 300)).status).toBe(409);
    expect(await gramjsGetMe(taken.body.session)).toEqual(dead);
    // An admin ending a service's lease revokes it.
    const second = await leaseApi(service).create(session.id, body);
    expect((await leaseApi(admin).end(second.body.id)).body).toMatchObject({
      endReason: "revoked",
      endedBy: /^token:/,
    });
    expect(await gramjsGetMe(second.body.session)).toEqual(dead);

    const audited = await database.db.select().from(auditLog).where(eq(auditLog.action, "lease.create"));
    expect(audited.filter((a) => a.outcome === "success").map((a) => a.detail)).toContainEqual(
      expect.objectContaining({ leaseId: taken.body.id, format: "gramjs" }),
    );
  });

  it("logs an expired lease out in one maintenance pass, and the overview counts it until then", async () => {
    const { maintenancePass } = await import("@/lib/background");
    const created = await leaseApi(admin).create(session.id, { ttlSeconds: 60, format: "gramjs" });
    expect(await gramjsGetMe(created.body.session)).toEqual({ phone: session.phone });
    await expire(database.db, created.body.id);
    const overdue = async () => (await callRoute(overviewRoute.GET, "GET", { token: viewer })).body.counts;
    expect(await overdue()).toMatchObject({ leasesOverdue: 1 });
    const stats = await maintenancePass(database.db, connectionManager());
    expect(stats.leasesLoggedOut).toBe(1);
    expect(await leaseRow(database.db, created.body.id)).toMatchObject({ status: "logged_out", endReason: "expired" });
    expect(await gramjsGetMe(created.body.session)).toEqual(dead);
    expect(await overdue()).toMatchObject({ leasesOverdue: 0 });
  });

  it("after a crash, a pass that knows only the database logs out every expired lease and a half-minted one", async () => {
    const strings: string[] = [];
    for (let i = 0; i < 2; i++) {
      const created = await leaseApi(admin).create(session.id, { ttlSeconds: 60, format: "gramjs" });
      strings.push(created.body.session);
      await expire(database.db, created.body.id);
    }
    // A mint that died between Telegram authorizing the key and the lease being handed out.
    const half = await insertLease(
      database.db,
      {
        sessionId: session.id,
        accountId: (await database.db.query.telegramSessions.findFirst({ where: (s, o) => o.eq(s.id, session.id) }))!
          .accountId,
        dcId: 2,
        format: "gramjs",
        tokenId: null,
        tokenName: null,
        actorId: null,
        actorLabel: "crashed",
        ttlSeconds: 60,
      },
      0,
    );
    const fresh = await openFreshClient("", 2);
    try {
      await connectionManager().run(database.db, session.id, (console) =>
        handOffLoginToken(fresh, console, {
          exported: () =>
            saveLeaseKey(
              database.db,
              half.id,
              encrypt(loadKeyRing(), saveSession(fresh), secrets.leaseKey.binding(half.id)),
            ),
          accepted: () => Promise.resolve(),
        }),
      );
      expect(await importAuthorization(fresh)).toBe(true);
      strings.push(saveSession(fresh));
    } finally {
      await closeClient(fresh);
    }
    for (const leased of strings) expect(await gramjsGetMe(leased)).toEqual({ phone: session.phone });

    // A new process: fresh modules, a new connection manager, nothing in memory but what the database holds.
    vi.resetModules();
    const restarted = await import("@/lib/background");
    const { ConnectionManager } = await import("@/lib/telegram/connection/manager");
    const routeDb = await import("@/tests/support/route-database");
    routeDb.useTestDb(database.db);
    useTestDb(database.db);
    const manager = new ConnectionManager();
    try {
      const stats = await restarted.maintenancePass(database.db, manager);
      expect(stats.leasesLoggedOut).toBe(3);
    } finally {
      await manager.closeAll();
    }
    expect(await leaseRow(database.db, half.id)).toMatchObject({ status: "logged_out", endReason: "aborted" });
    for (const leased of strings) expect(await gramjsGetMe(leased)).toEqual(dead);
  });
});
