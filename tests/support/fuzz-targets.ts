import type { Db } from "@/db";
import { alertChannels, keyLeases, telegramSessions } from "@/db/schema";
import { eq } from "drizzle-orm";
import { seedSessions } from "@/tests/support/session-rows";
import { memberWithToken } from "@/tests/support/route-database";

/**
 * Rows that generated path parameters may name (members, tokens, sessions, an alert channel, a lease), so some
 * requests reach real data.
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
  const [session] = await db.select().from(telegramSessions).where(eq(telegramSessions.id, sessions[0]!));
  // A lease whose key was never made: ending it needs nothing from Telegram.
  const [lease] = await db
    .insert(keyLeases)
    .values({
      sessionId: session!.id,
      accountId: session!.accountId,
      dcId: session!.dcId,
      format: "gramjs",
      status: "active",
      actorLabel: "fuzz",
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    .returning({ id: keyLeases.id });
  return [admin.member.id, admin.tokenId, viewer.member.id, viewer.tokenId, ...sessions, channel!.id, lease!.id];
}
