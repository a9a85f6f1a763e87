import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, sessionCalls, telegramSessions } from "@/db/schema";
import { callRoute } from "@/tests/support/call-route";
import { memberWithToken, routeTestDatabase } from "@/tests/support/route-database";
import { seedOne } from "@/tests/support/sandbox-sessions";
import { startConsoleSandbox } from "@/tests/support/sandbox";
import { allDrivers, type TestDatabase } from "@/tests/support/database";
import { sessionActions } from "@/tests/rotation/session-routes";
import { forgetVerifiedTokens } from "@/lib/auth/actors";
import * as tokens from "@/app/api/v1/tokens/route";
import * as sessionList from "@/app/api/v1/sessions/route";
import { users } from "@/db/schema";
import { GET as calls } from "../calls/route";
import { POST } from "./route";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const sandbox = await startConsoleSandbox({
  TELEGRAM_CONNECT_TIMEOUT_MS: "10000",
  TELEGRAM_REQUEST_TIMEOUT_MS: "5000",
});
const self = { id: { _: "InputUserSelf" } };

describe.each(allDrivers)("POST /api/v1/sessions/{id}/invoke on %s", (driver) => {
  let database: TestDatabase;
  let admin: string;
  let viewer: string;
  let session: { id: string; phone: string };
  beforeAll(async () => {
    ({ database, admin, viewer } = await routeTestDatabase(driver));
    session = await seedOne(database.db);
  });
  afterAll(() => database.close());

  const invoke = (method: string, params: unknown, token = admin, id = session.id) =>
    callRoute(POST, "POST", { token, params: { id }, body: { method, params } });
  const sent = (method: RegExp, phone = session.phone) =>
    sandbox.log(phone).filter((entry) => method.test(entry.method));
  const callLog = (id = session.id) =>
    database.db.select().from(sessionCalls).where(eq(sessionCalls.sessionId, id)).orderBy(sessionCalls.id);

  it("runs the method on the session and answers its result as JSON; the call is logged without its params", async () => {
    const reply = await invoke("users.GetFullUser", self);
    expect(reply.status).toBe(200);
    expect(reply.body.result).toMatchObject({
      _: "users.UserFull",
      fullUser: { _: "UserFull", id: expect.stringMatching(/^\d+$/) },
      users: [{ _: "User", self: true, phone: session.phone }],
    });
    expect(sent(/getFullUser/i)).toHaveLength(1);
    const [logged] = await callLog();
    expect(logged).toMatchObject({
      method: "users.GetFullUser",
      outcome: "ok",
      params: null,
      actorLabel: expect.any(String),
    });
    expect(logged?.tokenId).not.toBeNull();
    const listed = await callRoute(calls, "GET", { token: viewer, params: { id: session.id } });
    expect(listed.status).toBe(200);
    expect(listed.body.items[0]).toMatchObject({
      method: "users.GetFullUser",
      outcome: "ok",
      latencyMs: expect.any(Number),
    });
    expect(JSON.stringify(listed.body)).not.toContain("InputUserSelf");
    // A success's record is the call log, not an audit row.
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, "session.invoke"));
    expect(audit).toHaveLength(0);
  });

  it("refuses viewers and read tokens, even an admin's read token", async () => {
    const { token: adminRead } = await memberWithToken(database.db, `reader-${driver}@example.com`, "admin", "read");
    for (const token of [viewer, adminRead]) {
      const reply = await invoke("users.GetFullUser", self, token);
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe("forbidden");
    }
    expect(sent(/getFullUser/i)).toHaveLength(1);
  });

  it("refuses security methods and wrappers by name before reading params, and calls on 777000", async () => {
    for (const method of [
      "auth.LogOut",
      "AUTH.logOut",
      "account.ResetAuthorization",
      "InvokeWithLayer",
      "InitConnection",
    ]) {
      const reply = await invoke(method, "not even an object");
      expect(reply.status, method).toBe(403);
      expect(reply.body.error.code).toBe("telegram_method_forbidden");
    }
    const service = await invoke("users.GetUsers", { id: [{ _: "InputUser", userId: "777000", accessHash: "0" }] });
    expect(service.status).toBe(403);
    expect(service.body.error.code).toBe("telegram_method_forbidden");
    expect(sent(/logOut|resetAuthorization|getUsers|initConnection.*logOut/i)).toHaveLength(0);
    expect(
      (await database.db.select().from(sessionCalls).where(eq(sessionCalls.outcome, "telegram_method_forbidden")))
        .length,
    ).toBe(1);
    expect(
      (await database.db.select().from(auditLog).where(eq(auditLog.action, "session.invoke"))).every(
        (row) => row.outcome === "failure",
      ),
    ).toBe(true);
  });

  it("answers 400 naming the field for unknown methods and params that do not fit", async () => {
    const unknown = await invoke("users.GetEverything", {});
    expect(unknown).toMatchObject({
      status: 400,
      body: { error: { code: "invalid_input", fields: { method: "Unknown method." } } },
    });
    const extra = await invoke("users.GetFullUser", { ...self, evil: true });
    expect(extra.body.error.fields).toEqual({ "params.evil": "users.GetFullUser has no such field." });
    const nested = await invoke("users.GetFullUser", { id: { _: "auth.LogOut" } });
    expect(nested.status).toBe(400);
    expect(sent(/logOut/i)).toHaveLength(0);
    expect(
      (await callRoute(POST, "POST", { token: admin, params: { id: session.id }, body: { params: {} } })).status,
    ).toBe(400);
    expect((await invoke("users.GetFullUser", self, admin, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("answers Telegram's refusal as 422 telegram_refused with telegramError", async () => {
    sandbox.addFault({ method: "users.GetFullUser", error: "PEER_ID_INVALID", code: 400, phone: session.phone });
    const reply = await invoke("users.GetFullUser", self);
    expect(reply.status).toBe(422);
    expect(reply.body.error).toMatchObject({ code: "telegram_refused", telegramError: "PEER_ID_INVALID" });
    expect((await callLog()).at(-1)).toMatchObject({ outcome: "telegram_refused", telegramError: "PEER_ID_INVALID" });
  });

  it("answers a long flood wait with 429 and Retry-After, and sends nothing more during the wait", async () => {
    const flooded = await seedOne(database.db);
    sandbox.addFault({ method: "users.GetUsers", error: "FLOOD_WAIT_120", code: 420, phone: flooded.phone });
    const users = { id: [{ _: "InputUserSelf" }] };
    for (let i = 0; i < 3; i++) {
      const reply = await invoke("users.GetUsers", users, admin, flooded.id);
      expect(reply.status).toBe(429);
      expect(reply.body.error.code).toBe("rate_limited");
      expect(Number(reply.headers.get("retry-after"))).toBeGreaterThan(100);
    }
    expect(sent(/getUsers/i, flooded.phone)).toHaveLength(1);
    // Other methods are not held back by that wait.
    expect((await invoke("users.GetFullUser", self, admin, flooded.id)).status).toBe(200);
  });

  it("runs around a rotation: waits for it or answers 409, never two clients on one key", async () => {
    const rotated = await seedOne(database.db);
    // A fresh key exchange can time out on a loaded machine (503, rolled back): the race is what is tested.
    let [rotation, during] = [{ status: 503, body: {} as Record<string, unknown> }, { status: 0 }];
    for (let attempt = 0; attempt < 3 && rotation.status === 503; attempt++) {
      [rotation, during] = await Promise.all([
        sessionActions(admin).rotate(rotated.id),
        invoke("users.GetFullUser", self, admin, rotated.id),
      ]);
    }
    expect(rotation.body).toMatchObject({ status: "rotated" });
    expect([200, 409]).toContain(during.status);
    const after = await invoke("users.GetFullUser", self, admin, rotated.id);
    expect(after.status).toBe(409);
    const fresh = await invoke("users.GetFullUser", self, admin, rotation.body.newSessionId as string);
    expect(fresh.status).toBe(200);
    const results = sandbox.log(rotated.phone).map((entry) => entry.result);
    expect(results).not.toContain("AUTH_KEY_DUPLICATED");
    expect(results).not.toContain("concurrent_key_use");
    const [row] = await database.db.select().from(telegramSessions).where(eq(telegramSessions.id, rotated.id));
    expect(row?.status).toMatch(/^revoke/);
  });

  describe("with a use token", () => {
    const useToken = async (body: Record<string, unknown>) => {
      const created = await callRoute(tokens.POST, "POST", {
        token: admin,
        body: { name: `svc ${Math.random()}`, scope: "use", ...body },
      });
      expect(created.status).toBe(201);
      return created.body.token as string;
    };

    it("calls what its allowlist names on its sessions, and nothing else", async () => {
      const other = await seedOne(database.db);
      const token = await useToken({ methods: ["users.GetFull*"], sessions: { ids: [session.id] }, logParams: true });
      const allowed = await invoke("users.GetFullUser", self, token);
      expect(allowed.status).toBe(200);
      expect((await callLog()).at(-1)).toMatchObject({
        outcome: "ok",
        params: self,
        actorLabel: expect.stringMatching(/^token:svc/),
      });

      const notListed = await invoke("users.GetUsers", { id: [{ _: "InputUserSelf" }] }, token);
      expect(notListed.status).toBe(403);
      expect(notListed.body.error.code).toBe("telegram_method_not_allowed");
      expect((await invoke("users.GetFullUser", self, token, other.id)).status).toBe(404);
      expect(sent(/getFullUser/i, other.phone)).toHaveLength(0);
      expect(sent(/getUsers/i)).toHaveLength(0);
      // A use token reaches no other route, not even a read.
      const list = await callRoute(sessionList.GET, "GET", { token });
      expect(list.status).toBe(403);
    });

    it("is refused the security methods even when it allows every method", async () => {
      const token = await useToken({ methods: ["*"] });
      expect((await invoke("users.GetFullUser", self, token)).status).toBe(200);
      for (const method of [
        "auth.LogOut",
        "account.GetPasswordSettings",
        "account.DeleteAccount",
        "InvokeWithTakeout",
      ]) {
        const reply = await invoke(method, {}, token);
        expect(reply.body.error?.code, method).toBe("telegram_method_forbidden");
      }
    });

    it("stops working when its member is no longer an admin", async () => {
      const { member, token: adminToken } = await memberWithToken(
        database.db,
        `demoted-${driver}@example.com`,
        "admin",
      );
      const created = await callRoute(tokens.POST, "POST", {
        token: adminToken,
        body: { name: "demoted svc", scope: "use", methods: ["*"] },
      });
      const token = created.body.token as string;
      expect((await invoke("users.GetFullUser", self, token)).status).toBe(200);
      await database.db.update(users).set({ role: "viewer" }).where(eq(users.id, member.id));
      forgetVerifiedTokens();
      expect((await invoke("users.GetFullUser", self, token)).status).toBe(403);
    });
  });
});
