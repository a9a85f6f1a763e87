import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { telegramSessions } from "@/db/schema";
import { sandboxPhone, seedSandboxSessions } from "./seed-sessions";

let seq = 0;

/** Fresh sandbox numbers (each number may ask for only a few codes an hour, so none is reused). */
export function nextPhones(count: number, dc = 2): string[] {
  return Array.from({ length: count }, () => sandboxPhone(dc, 1000 + ++seq));
}

export async function seedOne(db: Db, dc = 2): Promise<{ id: string; phone: string }> {
  const [phone] = nextPhones(1, dc) as [string];
  const [id] = (await seedSandboxSessions(db, [phone])) as [string];
  return { id, phone };
}

export async function sessionRow(db: Db, id: string) {
  const row = await db.query.telegramSessions.findFirst({ where: eq(telegramSessions.id, id) });
  if (!row) throw new Error(`no session ${id}`);
  return row;
}

export async function sessionEventsOf(db: Db, id: string) {
  return db.query.sessionEvents.findMany({
    where: (e, { eq: is }) => is(e.sessionId, id),
    orderBy: (e, { asc }) => asc(e.id),
  });
}
