import { writeFileSync } from "node:fs";
import { machineLine, markdownTable } from "./report";
import type { Results } from "./results-file";

/** Rewrites docs/benchmarks.md with the latest table and the machine it ran on. */
export function writeDocsPage({ figures, errors, runs }: Results, shortfalls: string): void {
  const byRun = new Map<string, string[]>();
  for (const [part, machine] of Object.entries(runs))
    byRun.set(machineLine(machine), [...(byRun.get(machineLine(machine)) ?? []), part]);
  const runLines = [...byRun].map(([line, parts]) => `- ${parts.join(", ")}: ${line}`).join("\n");
  const failed = errors.length ? `\n## Parts that did not finish\n\n${errors.map((e) => `- ${e}`).join("\n")}\n` : "";
  writeFileSync(
    "docs/benchmarks.md",
    `# Benchmarks

\`npm run bench\` seeds what it needs, runs each part and rewrites this page (\`npm run bench -- --only api,vault\`
reruns some parts; the raw figures go to \`bench-results/latest.json\`). Medians over repeated runs; every ratio is
measured in the same run. The machine is shared: read the figures against the load average.

Runs (part: date · machine · load average when the run started):

${runLines}

${markdownTable(figures)}
${failed}
## What limits the short figures

${shortfalls}

## How each figure is measured

- **api**: a fresh Postgres database (through the Neon driver and relay) seeded with 10,000 sessions and 1,000,000
  events; \`next start\` on a private copy of the production build (monitor off, API token inserted directly) and a
  bare \`node:http\` process calling the same \`listSessions\` through the same driver and pool, each loaded by 32
  concurrent fetch loops on loopback for 10 s, alternating, 3 rounds each (medians), after a 3 s warm-up. SQL
  statements per list request are every statement of \`GET /api/v1/sessions?limit=50\` (token check, last-use
  write, list), counted by calling the real route handler in the bench process with the console's database handle
  behind a statement logger; mean of 20 requests after the token's first.
- **page**: Chromium (playwright-core) signed in through /login; time to first byte of /sessions and the time until
  the first sessions table row is in the DOM and visible, median of 9 cold loads (fresh context each); first-load
  JS is the gzip size (level 9) of the build's script files the page actually loaded.
- **sweep**: 1,000 sandbox sessions minted by the sandbox (\`POST /accounts/:phone/authorizations\`, a finished
  login without the login; ~1 s; \`BENCH_SWEEP_SESSIONS\`), the sandbox adding 20 ms before every answer; one sweep in a
  separate monitor process (\`scripts/bench/sweep/sweep-child.ts\`); ideal = sessions × round trips per check × 20 ms ÷
  concurrency, with requests per check read from the sandbox's request log; a second sweep with injected
  FLOOD_WAITs (and a third with the waiting sessions made due) counts requests sent inside a wait.
- **login**: phone → code → 2FA password through \`lib/telegram/login\` against a sandbox in its own process;
  each step's time the console's main thread was busy (\`performance.eventLoopUtilization\`; the sandbox and
  Postgres run in other processes), median of 50 logins after one warm-up; the fresh key's exchange (step 1) and
  the SRP proof (step 3) run in worker threads and are reported on their own as the process CPU beyond the main
  thread during their step.
- **vault / rotation**: \`scripts/bench/vault/nonce-check.ts\`, \`scripts/keys.ts rotate\` over 10,000 seeded rows,
  \`scripts/bench/rotation/rotate-repeatedly.ts\`.
- **leases**: \`scripts/bench/leases/lease-repeatedly.ts\`: one account logged in on an in-process sandbox, 20 leases
  taken (Telethon strings) and revoked one after the other, once under Telegram's 24-hour rule (the lease's key logs
  itself out) and once without it (the console's session resets the lease's authorization by its hash).
- **invoke**: \`scripts/bench/invoke/invoke-overhead.ts\`: one sandbox account with two minted authorizations, one
  stored in a fresh Postgres behind \`next start\` (production build), the other in a plain GramJS client;
  \`users.GetFullUser(self)\` 200 times each way, alternating and one at a time after 20 warm-ups: \`POST
  /api/v1/sessions/{id}/invoke\` over HTTP with an admin token, and \`client.invoke\` directly. The overhead is the
  console's median over the direct median (token check, lease, queue, flood ledger, TL JSON both ways, call log).
`,
  );
}
