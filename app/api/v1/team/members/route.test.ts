import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { findMemberById } from "@/db/queries/users";
import { apiTokens, auditLog } from "@/db/schema";
import { newPasswordSchema } from "@/lib/auth/sign-in";
import { callRoute } from "@/tests/support/call-route";
import { memberWithToken, useTestDb } from "@/tests/support/route-database";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import * as member from "./[id]/route";
import * as members from "./route";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

describe.each(testDrivers)("team member routes on %s", (driver) => {
  let database: TestDatabase;
  let admin: Awaited<ReturnType<typeof memberWithToken>>;
  let other: Awaited<ReturnType<typeof memberWithToken>>;
  let viewer: Awaited<ReturnType<typeof memberWithToken>>;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    useTestDb(database.db);
    admin = await memberWithToken(database.db, "admin@example.com", "admin");
    other = await memberWithToken(database.db, "other@example.com", "admin");
    viewer = await memberWithToken(database.db, "viewer@example.com", "viewer");
  });
  afterAll(() => database.close());

  it("lists members without password hashes", async () => {
    const { status, body } = await callRoute(members.GET, "GET", { token: admin.token });
    expect(status).toBe(200);
    expect(body.items.map((m: { email: string }) => m.email)).toEqual([
      "admin@example.com",
      "other@example.com",
      "viewer@example.com",
    ]);
    expect(Object.keys(body.items[0]).sort()).toEqual([
      "createdAt",
      "disabled",
      "email",
      "id",
      "lastSignInAt",
      "mustChangePassword",
      "role",
    ]);
  });

  it("keeps viewers and read tokens out", async () => {
    expect((await callRoute(members.GET, "GET", { token: viewer.token })).status).toBe(403);
    expect(
      (await callRoute(members.POST, "POST", { token: viewer.token, body: { email: "x@example.com", role: "admin" } }))
        .status,
    ).toBe(403);
    expect((await callRoute(members.GET, "GET")).status).toBe(401);
  });

  it("adds a member with a temporary password shown once and kept out of the audit log", async () => {
    const { status, body } = await callRoute(members.POST, "POST", {
      token: admin.token,
      body: { email: "New@Example.com", role: "viewer" },
    });
    expect(status).toBe(201);
    expect(body.member).toMatchObject({ email: "new@example.com", role: "viewer", mustChangePassword: true });
    expect(newPasswordSchema.safeParse(body.temporaryPassword).success).toBe(true);
    const rows = await database.db.query.auditLog.findMany({ where: eq(auditLog.action, "team_member.create") });
    expect(rows.filter((row) => row.outcome === "success")).toMatchObject([
      { target: "new@example.com", actorLabel: `token:admin@example.com token` },
    ]);
    expect(JSON.stringify(rows)).not.toContain(body.temporaryPassword);
  });

  it("refuses a duplicate email with 409", async () => {
    const { status, body } = await callRoute(members.POST, "POST", {
      token: admin.token,
      body: { email: "viewer@example.com", role: "viewer" },
    });
    expect(status).toBe(409);
    expect(body.error.code).toBe("conflict");
  });

  it("changes a role and ends that member's sessions", async () => {
    const before = (await findMemberById(database.db, viewer.member.id))!;
    const { status, body } = await callRoute(member.PATCH, "PATCH", {
      token: admin.token,
      params: { id: viewer.member.id },
      body: { role: "admin" },
    });
    expect(status).toBe(200);
    expect(body.role).toBe("admin");
    expect((await findMemberById(database.db, viewer.member.id))!.sessionVersion).toBe(before.sessionVersion + 1);
    await callRoute(member.PATCH, "PATCH", {
      token: admin.token,
      params: { id: viewer.member.id },
      body: { role: "viewer" },
    });
  });

  it("leaves sessions alone when nothing changes", async () => {
    const before = (await findMemberById(database.db, viewer.member.id))!;
    const { status } = await callRoute(member.PATCH, "PATCH", {
      token: admin.token,
      params: { id: viewer.member.id },
      body: { role: "viewer", disabled: false },
    });
    expect(status).toBe(200);
    expect((await findMemberById(database.db, viewer.member.id))!.sessionVersion).toBe(before.sessionVersion);
  });

  it("answers 400 for a bad id or an empty change, 404 for an unknown member", async () => {
    expect(
      (await callRoute(member.PATCH, "PATCH", { token: admin.token, params: { id: "nope" }, body: { role: "admin" } }))
        .status,
    ).toBe(400);
    expect(
      (await callRoute(member.PATCH, "PATCH", { token: admin.token, params: { id: viewer.member.id }, body: {} }))
        .status,
    ).toBe(400);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await callRoute(member.DELETE, "DELETE", { token: admin.token, params: { id: unknown } })).status).toBe(
      404,
    );
  });

  it("does not let an admin change or remove themself", async () => {
    for (const [handler, method, body] of [
      [member.PATCH, "PATCH", { disabled: true }],
      [member.DELETE, "DELETE", undefined],
    ] as const) {
      const result = await callRoute(handler, method, { token: admin.token, params: { id: admin.member.id }, body });
      expect(result.status).toBe(409);
      expect(result.body.error.code).toBe("self_change");
    }
  });

  it("keeps one enabled admin when two admins demote each other at once", async () => {
    const results = await Promise.all([
      callRoute(member.PATCH, "PATCH", {
        token: admin.token,
        params: { id: other.member.id },
        body: { role: "viewer" },
      }),
      callRoute(member.PATCH, "PATCH", {
        token: other.token,
        params: { id: admin.member.id },
        body: { role: "viewer" },
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe("last_admin");
    const winner = results[0]!.status === 200 ? admin : other;
    const loser = winner === admin ? other : admin;
    await callRoute(member.PATCH, "PATCH", {
      token: winner.token,
      params: { id: loser.member.id },
      body: { role: "admin" },
    });
  });

  it("removes a member and revokes the tokens they created", async () => {
    const { status } = await callRoute(member.DELETE, "DELETE", {
      token: admin.token,
      params: { id: viewer.member.id },
    });
    expect(status).toBe(200);
    expect(await findMemberById(database.db, viewer.member.id)).toBeUndefined();
    const token = await database.db.query.apiTokens.findFirst({ where: eq(apiTokens.id, viewer.tokenId) });
    expect(token?.revokedAt).toBeInstanceOf(Date);
    expect((await callRoute(members.GET, "GET", { token: viewer.token })).status).toBe(401);
  });
});
