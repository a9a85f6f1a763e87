import type { Db } from "@/db";
import { alertChannels } from "@/db/schema";
import { seedSessions } from "@/tests/support/session-rows";
import { memberWithToken } from "@/tests/support/route-database";

/**
 * Rows that generated path parameters may name (members, tokens, sessions, an alert channel), so some requests
 * reach real data.
 */
export async function fuzzTargets(db: Db): Promise<string[]> {
  const admin = await memberWithToken(db, "target-admin@example.com", "admin");
  const viewer = await memberWithToken(db, "target-viewer@example.com", "viewer");
  const sessions = await seedSessions(db, [{ status: "active" }, { status: "degraded" }, { status: "revoked" }]);
  const [channel] = await db
    .insert(alertChannels)
    .values({
      name: "fuzz",
      kind: "slack",
      targetCiphertext: "-",
      targetMasked: "https://example.com/…",
      events: ["session.invalid"],
    })
    .returning({ id: alertChannels.id });
  return [admin.member.id, admin.tokenId, viewer.member.id, viewer.tokenId, ...sessions, channel!.id];
}
