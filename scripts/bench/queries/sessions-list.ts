/**
 * The sessions list at scale: seeds 10,000 sessions and 1,000,000 events in a fresh Postgres database
 * (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test), then times list pages of 50, event
 * pages and the overview's two statements, from this process through the Neon driver, and each statement's
 * server-side time (EXPLAIN ANALYZE).
 * Run: npx tsx scripts/bench/queries/sessions-list.ts
 */
import type { Db } from "@/db";
import { createTestDatabase } from "@/tests/support/database";
import { countSessions, listAttentionSessions } from "@/db/queries/overview";
import { decodeSessionCursor } from "@/db/queries/session-cursor";
import { listSessionEvents } from "@/db/queries/session-events";
import { seedSessionsAndEvents } from "@/tests/support/session-rows";
import { listSessions, type SessionListFilter } from "@/db/queries/sessions";
import { withStatementLog } from "@/tests/support/statement-log";

const sessionCount = 10_000;
const eventsPerSession = 100;
const runs = 200;

type Scenario = [name: string, work: (db: Db) => Promise<unknown>];
type Explainer = { query(text: string, values: unknown[]): Promise<{ rows: Record<string, string>[] }> };

async function time(db: Db, times: number, work: Scenario[1]): Promise<{ median: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await work(db);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { median: at(0.5), p99: at(0.99) };
}

const database = await createTestDatabase("postgres");
try {
  const { db } = database;
  const start = performance.now();
  await seedSessionsAndEvents(db, sessionCount, eventsPerSession);
  console.log(
    `Seeded ${sessionCount} sessions and ${sessionCount * eventsPerSession} events in ${Math.round(performance.now() - start)} ms.\n`,
  );

  const base: SessionListFilter = { sort: "created", order: "desc", limit: 50 };
  const middle = await listSessions(db, { ...base, limit: sessionCount / 2 });
  const midCursor = decodeSessionCursor(middle.nextCursor!)!;
  const someSession = middle.rows[0]!.id;
  const clock = { now: new Date(), expiringBefore: new Date(Date.now() + 7 * 86_400_000) };
  const scenarios: Scenario[] = [
    ["first page, newest first", (d) => listSessions(d, base)],
    ["page at row 5,000 (cursor)", (d) => listSessions(d, { ...base, cursor: midCursor })],
    ["sort by last use, asc", (d) => listSessions(d, { ...base, sort: "lastUsed", order: "asc" })],
    ["sort by latency, desc", (d) => listSessions(d, { ...base, sort: "latency", order: "desc" })],
    ["state = degraded", (d) => listSessions(d, { ...base, statuses: ["degraded"] })],
    ["search q=user 42", (d) => listSessions(d, { ...base, q: "user 42" })],
    ["events page of 50", (d) => listSessionEvents(d, someSession, { limit: 50 })],
    ["checks page of 100", (d) => listSessionEvents(d, someSession, { limit: 100, kinds: ["check"] })],
    ["overview counts", (d) => countSessions(d, clock)],
    ["overview attention (50)", (d) => listAttentionSessions(d, clock, 50)],
  ];
  const client = (db as unknown as { $client: Explainer }).$client;
  console.log(
    `${"scenario".padEnd(28)} ${"client median".padStart(14)} ${"client p99".padStart(11)} ${"server".padStart(10)} statements`,
  );
  for (const [name, work] of scenarios) {
    await time(db, 10, work);
    const { median, p99 } = await time(db, runs, work);
    const logged = withStatementLog(database);
    await work(logged.db);
    const plan = await client.query(`explain analyze ${logged.statements[0]}`, logged.params[0]!);
    const server = Object.values(plan.rows.at(-1) ?? {})[0]?.replace(/Execution Time: /, "") ?? "?";
    console.log(
      `${name.padEnd(28)} ${median.toFixed(2).padStart(11)} ms ${p99.toFixed(2).padStart(8)} ms ${server.padStart(10)} ${logged.statements.length}`,
    );
  }
} finally {
  await database.close();
}
