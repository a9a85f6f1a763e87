import { writeFileSync } from "node:fs";
import { machineLine, markdownTable } from "./report";
import type { Results } from "./results-file";

/** Rewrites docs/benchmarks.md with the latest table and the machine it ran on. */
export function writeDocsPage({ figures, errors, runs }: Results, shortfalls: string): void {
  const byRun = new Map<string, string[]>();
  for (const [part, machine] of Object.entries(runs)) byRun.set(machineLine(machine), [...(byRun.get(machineLine(machine)) ?? []), part]);
  const runLines = [...byRun].map(([line, parts]) => `- ${parts.join(", ")}: ${line}`).join("\n");
  const failed = errors.length ? `\n## Parts that did not finish\n\n${errors.map((e) => `- ${e}`).join("\n")}\n` : "";
  writeFileSync("docs/benchmarks.md", `# Benchmarks

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
  statements per list page are counted with a statement logger around \`listSessions\`.
- **page**: Chromium (playwright-core) signed in through /login; time to first byte of /sessions and the time until
  the first sessions table row is in the DOM and visible, median of 9 cold loads (fresh context each); first-load
  JS is the gzip size (level 9) of the build's script files the page actually loaded.
- **sweep**: up to 1,000 sandbox sessions created by real logins (as many as seed within 120 s;
  \`BENCH_SWEEP_SESSIONS\`, \`BENCH_SWEEP_SEED_SECONDS\`), the sandbox adding 20 ms before every answer; one sweep in a
  separate monitor process (\`lib/health/bench/sweep-child.ts\`); ideal = sessions × round trips per check × 20 ms ÷
  concurrency, with requests per check read from the sandbox's request log; a second sweep with injected
  FLOOD_WAITs (and a third with the waiting sessions made due) counts requests sent inside a wait.
- **login**: phone → code → 2FA password through \`lib/telegram/login\` against a sandbox in its own process;
  the console's CPU time per step (the sandbox's time is in the other process), median of 50 logins after one
  warm-up; GramJS's SRP \`computeCheck\` is metered on its own and taken out of step 3.
- **vault / rotation**: \`lib/vault/nonce-check.ts\`, \`scripts/keys.ts rotate\` over 10,000 seeded rows,
  \`lib/rotation/bench.ts\`.
`);
}
