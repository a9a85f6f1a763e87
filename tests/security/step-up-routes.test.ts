import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as tokens from "@/app/api/v1/tokens/route";
import * as member from "@/app/api/v1/team/members/[id]/route";
import { memberFactors } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { memberWithToken, useTestDb } from "@/tests/support/route-database";
import { memberWithCookie } from "@/tests/support/session-cookie";
import { configureTestEnvironment } from "@/tests/support/test-environment";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const secret = configureTestEnvironment();
const origin = "http://console.test";

describe("sensitive team and token actions ask an admin with a second factor for a recent proof", () => {
  let database: TestDatabase;
  let cookie: string;
  let targetId: string;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    useTestDb(database.db);
    const admin = await memberWithCookie(database.db, secret, "admin@example.com", "admin");
    cookie = admin.cookie;
    await database.db
      .insert(memberFactors)
      .values({ userId: admin.member.id, kind: "totp", name: "Phone", confirmedAt: new Date() });
    targetId = (await memberWithToken(database.db, "target@example.com", "viewer")).member.id;
  });
  afterAll(() => database.close());

  const send = (path: string, method: string, body?: unknown) =>
    new Request(`${origin}${path}`, {
      method,
      headers: { cookie, origin, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("refuses creating an API token and removing a member with step_up_required when the cookie has no proof", async () => {
    const created = await tokens.POST(send("/api/v1/tokens", "POST", { name: "ci", scope: "read" }), {
      params: Promise.resolve({}),
    });
    expect(created.status).toBe(403);
    expect((await created.json()).error.code).toBe("step_up_required");
    const removed = await member.DELETE(send(`/api/v1/team/members/${targetId}`, "DELETE"), {
      params: Promise.resolve({ id: targetId }),
    });
    expect(removed.status).toBe(403);
    expect((await removed.json()).error.code).toBe("step_up_required");
    expect(await database.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, targetId) })).toBeDefined();
    expect(await database.db.query.apiTokens.findFirst({ where: (t, { eq }) => eq(t.name, "ci") })).toBeUndefined();
  });
});
