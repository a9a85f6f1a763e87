/**
 * `npm run bench [-- --only api,page,sweep,login,vault,rotation,leases,alerts,invoke]`: runs the benchmarks (each part in
 * its own process), prints a Markdown table, merges the figures into bench-results/latest.json (a rerun part
 * replaces its old figures) and rewrites docs/benchmarks.md. `-- --render` only rewrites the page from the JSON.
 */
import "./quiet";
import { parseArgs } from "node:util";
import { runTsx } from "./child";
import { writeDocsPage } from "./docs-page";
import type { Figure } from "./figure";
import { describeMachine, markdownTable } from "./report";
import { mergeResults, readResults, writeResultsFile } from "./results-file";
import { docsShortfalls } from "./shortfalls";

const partNames = ["api", "page", "sweep", "login", "vault", "rotation", "leases", "alerts", "invoke"];
const { values } = parseArgs({ options: { only: { type: "string" }, render: { type: "boolean" } } });
if (values.render) {
  writeDocsPage(readResults(), docsShortfalls);
  process.exit(0);
}
const selected = values.only ? values.only.split(",").map((s) => s.trim()) : partNames;
const unknown = selected.filter((name) => !partNames.includes(name));
if (unknown.length) {
  console.error(`Unknown part(s): ${unknown.join(", ")}. Parts: ${partNames.join(", ")}`);
  process.exit(2);
}
// api and page share one process: one seeded database and one production server.
const groups =
  selected.includes("api") && selected.includes("page")
    ? ["api,page", ...selected.filter((p) => p !== "api" && p !== "page")]
    : selected;

const machine = describeMachine();
const figures: Figure[] = [];
const errors: string[] = [];
for (const group of groups) {
  try {
    const output = await runTsx(["scripts/bench/run-parts.ts", group], { LOG_LEVEL: "warn" }, true);
    const result = JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as { figures: Figure[]; errors: string[] };
    figures.push(...result.figures);
    errors.push(...result.errors);
  } catch (error) {
    errors.push(`${group}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
}

console.log(markdownTable(figures));
if (errors.length) console.log(`\nFailed: ${errors.join("; ")}`);
const results = mergeResults(readResults(), selected, partNames, machine, figures, errors);
writeResultsFile(results);
writeDocsPage(results, docsShortfalls);
process.exit(errors.length ? 1 : 0);
