import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as member from "@/app/api/v1/team/members/[id]/route";
import * as members from "@/app/api/v1/team/members/route";
import * as logins from "@/app/api/v1/telegram/logins/route";
import * as token from "@/app/api/v1/tokens/[id]/route";
import * as tokens from "@/app/api/v1/tokens/route";
import { callRoute, type CallOptions } from "@/tests/support/call-route";
import { memberWithToken, useTestDb } from "@/tests/support/route-database";
import { breakAuditLog } from "@/tests/support/audit-fault";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { snapshotDatabase } from "@/tests/support/db-snapshot";
import { startTestSandbox } from "@/tests/support/sandbox";
import { memberWithCookie } from "@/tests/support/session-cookie";
import { configureTestEnvironment } from "@/tests/support/test-environment";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const sandbox = await startTestSandbox();
const secret = configureTestEnvironment(sandbox.info.control);
afterAll(() => sandbox.cleanup());

describe.each(testDrivers)("a mutation whose audit row cannot be written is rolled back, on %s", (driver) => {
  let database: TestDatabase;
  let cookie: string;
  let target: Awaited<ReturnType<typeof memberWithToken>>;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    useTestDb(database.db);
    // A cookie, not a token: a token's last-used time is written on use and would blur the before/after check.
    cookie = (await memberWithCookie(database.db, secret, "admin@example.com", "admin")).cookie;
    target = await memberWithToken(database.db, "target@example.com", "viewer");
  });
  afterAll(() => database.close());

  const asAdmin = (options: CallOptions): CallOptions => ({
    ...options,
    headers: { cookie, origin: "http://console.test" },
  });
  const mutations: [string, () => ReturnType<typeof callRoute>][] = [
    [
      "team member create",
      () => callRoute(members.POST, "POST", asAdmin({ body: { email: "new@example.com", role: "viewer" } })),
    ],
    [
      "team member update",
      () => callRoute(member.PATCH, "PATCH", asAdmin({ params: { id: target.member.id }, body: { role: "admin" } })),
    ],
    ["token create", () => callRoute(tokens.POST, "POST", asAdmin({ body: { name: "ci", scope: "read" } }))],
    ["token revoke", () => callRoute(token.DELETE, "DELETE", asAdmin({ params: { id: target.tokenId } }))],
    ["team member delete", () => callRoute(member.DELETE, "DELETE", asAdmin({ params: { id: target.member.id } }))],
    ["telegram login start", () => callRoute(logins.POST, "POST", asAdmin({ body: { phone: "9996627777" } }))],
  ];

  it.each(mutations)(
    "%s: 5xx with a clear message, nothing kept; the same request succeeds once the audit log works",
    async (_name, send) => {
      const before = await snapshotDatabase(database.db);
      const audit = await breakAuditLog(database.db);
      const refused = await send().finally(() => audit.restore());
      // The wrapper's answer to a failed statement, not a Telegram or input error that happened to come first.
      expect(refused).toMatchObject({
        status: 500,
        body: { error: { code: "internal_error", message: expect.stringMatching(/\w{3,}/) } },
      });
      expect(await snapshotDatabase(database.db)).toEqual(before);

      const accepted = await send();
      expect(accepted.status).toBeLessThan(300);
      const after = await snapshotDatabase(database.db);
      expect(after.audit_log?.rows).toBe((before.audit_log?.rows ?? 0) + 1);
    },
  );
});
