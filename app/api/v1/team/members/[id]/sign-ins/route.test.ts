import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { findMemberById } from "@/db/queries/users";
import { actorFromHeaders } from "@/lib/auth/request-actor";
import { callRoute } from "@/tests/support/call-route";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { memberWithToken, useTestDb } from "@/tests/support/route-database";
import { memberWithCookie } from "@/tests/support/session-cookie";
import * as signIns from "./route";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const secret = "a-test-secret-that-is-long-enough-0123456789";

describe.each(testDrivers)("ending a member's sign-ins on %s", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    useTestDb(database.db);
  });
  afterAll(() => database.close());

  it("lets an admin end every sign-in of another member without disabling them, and records it", async () => {
    const admin = await memberWithToken(database.db, "admin@example.com", "admin");
    const { member, cookie } = await memberWithCookie(database.db, secret, "stolen@example.com", "viewer");
    const signedIn = () => actorFromHeaders(database.db, new Headers({ cookie }), secret);
    expect(await signedIn()).toMatchObject({ kind: "user", id: member.id });

    const ended = await callRoute(signIns.DELETE, "DELETE", { token: admin.token, params: { id: member.id } });
    expect(ended).toMatchObject({ status: 200, body: { id: member.id, email: "stolen@example.com" } });
    expect(await signedIn()).toBeNull();
    expect(await findMemberById(database.db, member.id)).toMatchObject({ disabled: false });
    expect(
      await database.db.query.auditLog.findFirst({
        where: (row, { eq }) => eq(row.action, "team_member.end_sign_ins"),
      }),
    ).toMatchObject({ actorId: admin.member.id, target: "stolen@example.com", outcome: "success" });
  });

  it("is for admins only, and answers 404 for an unknown member", async () => {
    const viewer = await memberWithToken(database.db, "viewer@example.com", "viewer");
    const admin = await memberWithToken(database.db, "admin2@example.com", "admin");
    const byViewer = await callRoute(signIns.DELETE, "DELETE", {
      token: viewer.token,
      params: { id: admin.member.id },
    });
    expect(byViewer.status).toBe(403);
    const unknown = await callRoute(signIns.DELETE, "DELETE", {
      token: admin.token,
      params: { id: "00000000-0000-4000-8000-000000000000" },
    });
    expect(unknown.status).toBe(404);
  });
});
