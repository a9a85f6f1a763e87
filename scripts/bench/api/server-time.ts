import { randomBytes } from "node:crypto";
import type { DbHandle } from "@/db/client";
import { withStatementLog } from "@/tests/support/statement-log";
import { callRoute } from "@/tests/support/call-route";
import type { TestDatabase } from "@/tests/support/database";
import { median } from "../figure";

type Explainer = { query(text: string, values: unknown[]): Promise<{ rows: Record<string, string>[] }> };
export type RequestStatements = { firstRequest: number; perRequest: number; serverMs: number };

const requests = 20;

/**
 * Every SQL statement of GET /api/v1/sessions?limit=50 — token check, last-use write and list — counted by
 * calling the real route handler in this process with the console's database handle (db/index.ts keeps it on
 * globalThis) pointed at a statement-logged connection. A token's first request is counted on its own; the
 * steady figure is the mean of the next `requests`. Then the list statement's server-side time (EXPLAIN ANALYZE).
 */
export async function listStatements(database: TestDatabase, token: string): Promise<RequestStatements> {
  const logged = withStatementLog(database);
  const handle: DbHandle = {
    db: logged.db,
    driver: database.driver === "pglite" ? "pglite" : "neon",
    migrate: async () => {},
    close: async () => {},
  };
  (globalThis as { __consoleDb?: Promise<DbHandle> }).__consoleDb = Promise.resolve(handle);
  process.env.DATABASE_URL ??= database.url;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  const { GET } = await import("@/app/api/v1/sessions/route");
  const call = async () => {
    const { status } = await callRoute(GET, "GET", { token, query: "?limit=50" });
    if (status !== 200) throw new Error(`GET /api/v1/sessions answered ${status}`);
  };
  await call();
  await new Promise((resolve) => setTimeout(resolve, 500)); // the last-use write runs after the answer
  const firstRequest = logged.statements.length;
  for (let i = 0; i < requests; i++) await call();
  const perRequest = (logged.statements.length - firstRequest) / requests;
  const listAt = logged.statements.findLastIndex((text) => text.includes("telegram_sessions"));
  const client = (database.db as unknown as { $client: Explainer }).$client;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const plan = await client.query(`explain analyze ${logged.statements[listAt]}`, logged.params[listAt] ?? []);
    const last = Object.values(plan.rows.at(-1) ?? {})[0] ?? "";
    times.push(Number(/([\d.]+) ms/.exec(last)?.[1] ?? Number.NaN));
  }
  return { firstRequest, perRequest, serverMs: median(times) };
}
