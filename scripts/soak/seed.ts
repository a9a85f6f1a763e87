import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { telegramSessions } from "@/db/schema";
import { sandboxPhone, seedSandboxSessions } from "@/lib/health/testing/seed-sessions";

const batch = 100;

/**
 * `count` sessions made by real logins against the sandbox (8 at once), then their first checks spread over one
 * check interval, as a monitor that has run a while has them (otherwise all 1,000 fall due in the first poll).
 */
export async function seedMonitoredSessions(db: Db, count: number, intervalSeconds: number): Promise<string[]> {
  const ids: string[] = [];
  while (ids.length < count) {
    const phones = Array.from({ length: Math.min(batch, count - ids.length) }, (_, i) => {
      const n = ids.length + i;
      return sandboxPhone(1 + (n % 3), 1 + Math.floor(n / 3));
    });
    ids.push(...(await seedSandboxSessions(db, phones, 8)));
    console.error(`soak: seeded ${ids.length} of ${count} sessions`);
  }
  await db.update(telegramSessions).set({ nextCheckAt: sql`now() + random() * make_interval(secs => ${intervalSeconds})` }).where(sql`true`);
  return ids;
}
