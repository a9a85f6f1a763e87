import { loadTest, type LoadResult } from "../api/load";
import { startBareServer } from "../api/bare-process";
import { listStatements } from "../api/server-time";
import { stage } from "../api/stage";
import { fmt, median, type Figure } from "../figure";

const rounds = 3;

/** GET /api/v1/sessions?limit=50 on `next start` against a bare node:http baseline, alternating, 32 clients, 10 s each. */
export async function apiBench(): Promise<Figure[]> {
  const { database, next, credentials, seedSeconds } = await stage();
  const bare = await startBareServer(database.url ?? "");
  const headers = { authorization: `Bearer ${credentials.token}` };
  const apiUrl = `${next.url}/api/v1/sessions?limit=50`;
  const console_: LoadResult[] = [];
  const baseline: LoadResult[] = [];
  const sequential: LoadResult[] = [];
  try {
    await loadTest(apiUrl, headers, 32, 3); // warm-up: compiled routes, pools, caches
    await loadTest(bare.url, {}, 32, 3);
    sequential.push(await loadTest(apiUrl, headers, 1, 5), await loadTest(bare.url, {}, 1, 5));
    for (let i = 0; i < rounds; i++) {
      console_.push(await loadTest(apiUrl, headers));
      baseline.push(await loadTest(bare.url, {}));
    }
  } finally {
    await bare.stop();
  }
  const { firstRequest, perRequest, serverMs } = await listStatements(database, credentials.token);
  const p99 = median(console_.map((r) => r.p99));
  const rps = median(console_.map((r) => r.perSecond));
  const bareRps = median(baseline.map((r) => r.perSecond));
  const errors = console_.reduce((n, r) => n + r.errors, 0);
  const note = `median of ${rounds} alternating 10 s runs; seeded in ${fmt(seedSeconds, 0)} s${errors ? `; ${errors} failed requests` : ""}`;
  return [
    {
      part: "api",
      name: "GET /api/v1/sessions?limit=50, p50",
      target: "—",
      measured: `${fmt(median(console_.map((r) => r.p50)))} ms`,
      pass: null,
      note,
    },
    {
      part: "api",
      name: "GET /api/v1/sessions?limit=50, p99",
      target: "≤ 25 ms",
      measured: `${fmt(p99)} ms`,
      pass: p99 <= 25,
    },
    { part: "api", name: "Requests/s (32 clients)", target: "—", measured: `${fmt(rps, 0)}/s`, pass: null },
    {
      part: "api",
      name: "Bare node:http, same query and driver: p50 / p99 / req/s",
      target: "baseline",
      measured: `${fmt(median(baseline.map((r) => r.p50)))} / ${fmt(median(baseline.map((r) => r.p99)))} ms / ${fmt(bareRps, 0)}/s`,
      pass: null,
    },
    {
      part: "api",
      name: "Throughput vs bare baseline",
      target: "≥ 50%",
      measured: `${fmt((rps / bareRps) * 100, 0)}%`,
      pass: rps / bareRps >= 0.5,
    },
    {
      part: "api",
      name: "SQL statements per list request",
      target: "1",
      measured: fmt(perRequest, 2),
      pass: perRequest <= 1,
      note: `every statement of the request (token check, last-use write, list) through a statement logger, mean of 20 requests after the token's first (${firstRequest}); Postgres executes the list in ${fmt(serverMs, 2)} ms`,
    },
    {
      part: "api",
      name: "One client at a time: p50 console / bare",
      target: "—",
      measured: `${fmt(sequential[0]?.p50 ?? 0)} / ${fmt(sequential[1]?.p50 ?? 0)} ms`,
      pass: null,
      note: "5 s each, no queueing: the per-request cost",
    },
  ];
}
