import { runTsx } from "../child";

export type SweepFigures = {
  wallMs: number;
  peakRssBytes: number;
  concurrency: number;
  cpuSeconds: number;
  sweep: unknown;
};

/** One sweep in a separate monitor process against `databaseUrl`. */
export async function runMonitorSweep(databaseUrl: string): Promise<SweepFigures> {
  const output = await runTsx(["scripts/bench/sweep/monitor-child.ts"], { DATABASE_URL: databaseUrl });
  const objects = output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Partial<SweepFigures>);
  const merged = Object.assign({}, ...objects) as SweepFigures;
  if (merged.wallMs === undefined || merged.cpuSeconds === undefined)
    throw new Error(`monitor printed no figures: ${output.slice(-1000)}`);
  return merged;
}
