import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consoleSettings } from "@/db/schema";

export type SettingValue = Record<string, unknown>;

/** The stored value of a console-wide setting; undefined while nobody has set it. */
export async function readSetting(db: DbOrTx, key: string): Promise<SettingValue | undefined> {
  const row = await db.query.consoleSettings.findFirst({ where: eq(consoleSettings.key, key) });
  return row?.value;
}

export async function writeSetting(db: DbOrTx, key: string, value: SettingValue, updatedBy: string): Promise<void> {
  const values = { value, updatedBy, updatedAt: new Date() };
  await db
    .insert(consoleSettings)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: consoleSettings.key, set: values });
}
