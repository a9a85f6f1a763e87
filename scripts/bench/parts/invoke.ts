import { numberAfter, runTsx } from "../child";
import { fmt, type Figure } from "../figure";

/**
 * POST /api/v1/sessions/{id}/invoke on `next start` against the same method called directly with GramJS on the same
 * sandbox DC, 200 calls each, alternating (scripts/bench/invoke/invoke-overhead.ts).
 */
export async function invokeBench(): Promise<Figure[]> {
  const output = await runTsx(["scripts/bench/invoke/invoke-overhead.ts", "200"]);
  const consoleMs = numberAfter(output, /console median/);
  const directMs = numberAfter(output, /direct median/);
  const ratio = numberAfter(output, /ratio/);
  return [
    {
      part: "invoke",
      name: "POST /sessions/{id}/invoke users.GetFullUser, p50 (median of 200)",
      target: "—",
      measured: `${fmt(consoleMs, 2)} ms`,
      pass: null,
      note: `p90 ${fmt(numberAfter(output, /console p90/), 2)} ms; over HTTP to next start, admin token`,
    },
    {
      part: "invoke",
      name: "Same call with GramJS directly, p50 (median of 200)",
      target: "baseline",
      measured: `${fmt(directMs, 2)} ms`,
      pass: null,
      note: `p90 ${fmt(numberAfter(output, /direct p90/), 2)} ms; another authorization of the same account`,
    },
    {
      part: "invoke",
      name: "Invoke overhead: console p50 / direct p50",
      target: "—",
      measured: `${fmt(ratio, 2)}× (+${fmt(consoleMs - directMs, 2)} ms)`,
      pass: null,
    },
  ];
}
