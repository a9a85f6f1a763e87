import type { Db } from "@/db";
import { seedSessions } from "@/tests/support/session-rows";
import { memberWithToken } from "@/tests/support/route-database";

/** Rows that generated path parameters may name (members, tokens, sessions), so some requests reach real data. */
export async function fuzzTargets(db: Db): Promise<string[]> {
  const admin = await memberWithToken(db, "target-admin@example.com", "admin");
  const viewer = await memberWithToken(db, "target-viewer@example.com", "viewer");
  const sessions = await seedSessions(db, [{ status: "active" }, { status: "degraded" }, { status: "revoked" }]);
  return [admin.member.id, admin.tokenId, viewer.member.id, viewer.tokenId, ...sessions];
}
