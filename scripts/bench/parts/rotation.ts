import { numberAfter, runTsx } from "../child";
import { fmt, type Figure } from "../figure";

/** One session rotation against the sandbox DC, median of 20 (scripts/bench/rotation/rotate-repeatedly.ts). */
export async function rotationBench(): Promise<Figure[]> {
  const output = await runTsx(["scripts/bench/rotation/rotate-repeatedly.ts", "20"]);
  const medianMs = numberAfter(output, /median/);
  return [
    {
      part: "rotation",
      name: "One rotation, median of 20",
      target: "—",
      measured: `${fmt(medianMs)} ms`,
      pass: null,
      note: `p90 ${fmt(numberAfter(output, /p90/))} ms, max ${fmt(numberAfter(output, /max/))} ms`,
    },
  ];
}
