import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Figure } from "./figure";
import type { Machine } from "./report";

/** bench-results/latest.json: every part's latest figures, each with the machine state its run started in. */
export type Results = { figures: Figure[]; errors: string[]; runs: Record<string, Machine> };

const file = "bench-results/latest.json";

export function readResults(): Results {
  if (!existsSync(file)) return { figures: [], errors: [], runs: {} };
  const saved = JSON.parse(readFileSync(file, "utf8")) as Partial<Results>;
  return { figures: saved.figures ?? [], errors: saved.errors ?? [], runs: saved.runs ?? {} };
}

/** Replaces the rerun parts' figures and errors, keeps the rest, in the parts' order. */
export function mergeResults(
  previous: Results,
  parts: string[],
  order: string[],
  machine: Machine,
  figures: Figure[],
  errors: string[],
): Results {
  const rerun = new Set(parts);
  const kept = previous.figures.filter((f) => !rerun.has(f.part));
  const keptErrors = previous.errors.filter((e) => !rerun.has(e.split(":")[0] ?? ""));
  const runs = { ...previous.runs, ...Object.fromEntries(parts.map((p) => [p, machine])) };
  const merged = [...kept, ...figures].sort((a, b) => order.indexOf(a.part) - order.indexOf(b.part));
  return { figures: merged, errors: [...keptErrors, ...errors], runs };
}

export function writeResultsFile(results: Results): void {
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
