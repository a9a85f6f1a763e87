/**
 * `npm run bench [-- --only api,page,sweep,login,vault,rotation]`: runs the benchmarks, prints a Markdown
 * table, writes bench-results/latest.json and rewrites docs/benchmarks.md. `-- --render` only rewrites the page from the JSON.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { docsShortfalls } from "./shortfalls";
import { writeDocsPage } from "./docs-page";
import type { Figure } from "./figure";
import { closeStage } from "./api/stage";
import { apiBench } from "./parts/api";
import { loginBench } from "./parts/login";
import { pageBench } from "./parts/page";
import { rotationBench } from "./parts/rotation";
import { sweepBench } from "./parts/sweep";
import { vaultBench } from "./parts/vault";
import { describeMachine, markdownTable, writeResults, type Machine } from "./report";

const parts: Record<string, () => Promise<Figure[]>> = { api: apiBench, page: pageBench, sweep: sweepBench, login: loginBench, vault: vaultBench, rotation: rotationBench };

process.env.LOG_LEVEL ??= "warn";

const { values } = parseArgs({ options: { only: { type: "string" }, render: { type: "boolean" } } });
if (values.render) {
  // Rewrites docs/benchmarks.md from bench-results/latest.json (after editing the shortfalls text).
  const saved = JSON.parse(readFileSync("bench-results/latest.json", "utf8")) as { machine: Machine; figures: Figure[]; errors: string[]; parts: string[] };
  writeDocsPage(saved.machine, saved.figures, saved.errors, saved.parts, docsShortfalls);
  process.exit(0);
}
const selected = values.only ? values.only.split(",").map((s) => s.trim()) : Object.keys(parts);
const unknown = selected.filter((name) => !(name in parts));
if (unknown.length) {
  console.error(`Unknown part(s): ${unknown.join(", ")}. Parts: ${Object.keys(parts).join(", ")}`);
  process.exit(2);
}

const machine = describeMachine();
const figures: Figure[] = [];
const errors: string[] = [];
for (const name of selected) {
  const started = performance.now();
  console.error(`bench: ${name}…`);
  try {
    figures.push(...(await parts[name]!()));
  } catch (error) {
    errors.push(`${name}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    console.error(error);
  }
  console.error(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

await closeStage();

console.log(markdownTable(figures));
if (errors.length) console.log(`\nFailed: ${errors.join("; ")}`);
writeResults(machine, figures, errors, selected);
writeDocsPage(machine, figures, errors, selected, docsShortfalls);
process.exit(errors.length ? 1 : 0);
