import type { SandboxProcess } from "@/scripts/bench/sandbox-process";
import type { LogEntry } from "@/sandbox/server/request-log";
import { median } from "../figure";

/** Requests each session's key sent since `since`, median over the keys in the sandbox's log (its last 2,000 requests). */
export async function requestsPerCheck(sandbox: SandboxProcess, since: number): Promise<number> {
  const log = await sandbox.control<LogEntry[]>("GET", "/log");
  const perKey = new Map<string, number>();
  for (const entry of log) if (entry.at >= since) perKey.set(entry.authKeyId, (perKey.get(entry.authKeyId) ?? 0) + 1);
  return median([...perKey.values()]);
}
