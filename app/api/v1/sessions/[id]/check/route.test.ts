import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callRoute } from "@/tests/support/call-route";
import { routeTestDatabase } from "@/tests/support/route-database";
import { seedOne } from "@/tests/support/sandbox-sessions";
import { shortDeadlines, startConsoleSandbox } from "@/tests/support/sandbox";
import { allDrivers, type TestDatabase } from "@/tests/support/database";
import { POST } from "./route";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const sandbox = await startConsoleSandbox(shortDeadlines);

describe.each(allDrivers)("POST /api/v1/sessions/{id}/check on %s", (driver) => {
  let database: TestDatabase;
  let admin: string;
  let viewer: string;
  beforeAll(async () => ({ database, admin, viewer } = await routeTestDatabase(driver)));
  afterAll(() => database.close());

  it("checks now, answers the session's new state, and audits the check", async () => {
    const { id, phone } = await seedOne(database.db);
    expect((await callRoute(POST, "POST", { token: viewer, params: { id } })).status).toBe(403);
    const [authorization] = sandbox.authorizations(phone);
    sandbox.revokeAuthorization(authorization?.id ?? "");
    const reply = await callRoute(POST, "POST", { token: admin, params: { id } });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id,
      status: "invalid",
      lastError: "SESSION_REVOKED",
      authFailures: 1,
      check: { result: "invalid", errorCode: "SESSION_REVOKED" },
    });
    expect(JSON.stringify(reply.body)).not.toContain(phone);
    expect(reply.body).not.toHaveProperty("sessionCiphertext");
    const audit = await database.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.action, "session.check") });
    // The viewer's refused attempt is recorded too.
    expect(audit.map((row) => [row.outcome, row.target])).toEqual([
      ["failure", null],
      ["success", id],
    ]);
  });

  it("answers 404 for a session that does not exist", async () => {
    const reply = await callRoute(POST, "POST", {
      token: admin,
      params: { id: "00000000-0000-4000-8000-000000000000" },
    });
    expect(reply.status).toBe(404);
  });
});
