import { listSessions } from "@/db/queries/sessions";
import { withStatementLog } from "@/db/queries/statement-log";
import type { TestDatabase } from "@/tests/support/database";
import { median } from "../figure";

type Explainer = { query(text: string, values: unknown[]): Promise<{ rows: Record<string, string>[] }> };

/** The list page's SQL statements, counted through a statement logger, and the first one's server-side time (EXPLAIN ANALYZE, median of 5). */
export async function listStatements(database: TestDatabase): Promise<{ statements: number; serverMs: number }> {
  const logged = withStatementLog(database);
  await listSessions(logged.db, { sort: "created", order: "desc", limit: 50 });
  const client = (database.db as unknown as { $client: Explainer }).$client;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const plan = await client.query(`explain analyze ${logged.statements[0]}`, logged.params[0] ?? []);
    const last = Object.values(plan.rows.at(-1) ?? {})[0] ?? "";
    times.push(Number(/([\d.]+) ms/.exec(last)?.[1] ?? Number.NaN));
  }
  return { statements: logged.statements.length, serverMs: median(times) };
}
