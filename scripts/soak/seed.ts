import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { telegramSessions } from "@/db/schema";
import { seedWithinBudget } from "../bench/sweep/seed-within";

const seedBudgetSeconds = 600;

/**
 * `count` sessions minted by the sandbox (authorized keys the monitor really checks), then their first checks
 * spread over one check interval, as a monitor that has run a while has them (otherwise all fall due in the first poll).
 */
export async function seedMonitoredSessions(db: Db, count: number, intervalSeconds: number): Promise<string[]> {
  const { phones, seconds } = await seedWithinBudget(db, count, seedBudgetSeconds);
  if (phones.length < count)
    throw new Error(`only ${phones.length} of ${count} sessions seeded in ${seedBudgetSeconds} s`);
  console.error(`soak: seeded ${phones.length} sessions in ${Math.round(seconds)} s`);
  await db
    .update(telegramSessions)
    .set({ nextCheckAt: sql`now() + random() * make_interval(secs => ${intervalSeconds})` })
    .where(sql`true`);
  const rows = await db.select({ id: telegramSessions.id }).from(telegramSessions);
  return rows.map((row) => row.id);
}
