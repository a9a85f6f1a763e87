import type { SandboxLogEntry } from "./crash-sandbox";

/** The probe every health check sends; the sandbox's log of it is the ground truth for "checked". */
export const probeMethod = "users.GetUsers";

/** When each auth key was checked (the sandbox's clock, ms), in order. */
export function checkTimes(log: SandboxLogEntry[]): Map<string, number[]> {
  const times = new Map<string, number[]>();
  for (const entry of log) {
    if (entry.method !== probeMethod || entry.result !== "ok") continue;
    const list = times.get(entry.authKeyId) ?? [];
    list.push(entry.at);
    times.set(entry.authKeyId, list);
  }
  for (const list of times.values()) list.sort((a, b) => a - b);
  return times;
}

export type Gap = { authKeyId: string; from: number; to: number; seconds: number };

/** Consecutive checks of each key, as gaps. */
export function gapsOf(times: Map<string, number[]>, keys: Iterable<string>): Gap[] {
  const gaps: Gap[] = [];
  for (const authKeyId of keys) {
    const list = times.get(authKeyId) ?? [];
    for (let i = 1; i < list.length; i++) {
      const [from, to] = [list[i - 1]!, list[i]!];
      gaps.push({ authKeyId, from, to, seconds: (to - from) / 1000 });
    }
  }
  return gaps;
}

/** Shares of a total, for the message of a failed spread assertion. */
export function shares(counts: number[]): string {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((n) => `${n} (${Math.round((100 * n) / Math.max(total, 1))} %)`).join(" / ");
}
