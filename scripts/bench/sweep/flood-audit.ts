import type { LogEntry } from "@/sandbox/server/request-log";
import type { SandboxProcess } from "../sandbox-process";

/**
 * Collects the sandbox's request log for the flood-tested numbers while the sweep runs (the sandbox keeps
 * only its last 2,000 requests), then counts requests a session sent inside one of its own flood waits.
 */
export class FloodAudit {
  private readonly seen = new Map<string, LogEntry>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly sandbox: SandboxProcess,
    private readonly phones: string[],
  ) {}

  start(everyMs = 200): void {
    this.timer = setInterval(() => void this.collect(), everyMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.collect();
  }

  /** Flood answers seen, and requests by the same key after each answer and before its wait ended. */
  count(): { floodAnswers: number; requestsDuringWaits: number } {
    const entries = [...this.seen.values()];
    const floods = entries.filter((entry) => entry.result.startsWith("FLOOD_WAIT_"));
    let during = 0;
    for (const flood of floods) {
      const end = flood.at + Number(flood.result.slice("FLOOD_WAIT_".length)) * 1000;
      during += entries.filter(
        (entry) => entry.authKeyId === flood.authKeyId && entry.at > flood.at && entry.at < end,
      ).length;
    }
    return { floodAnswers: floods.length, requestsDuringWaits: during };
  }

  private async collect(): Promise<void> {
    const lists = await Promise.all(
      this.phones.map((phone) => this.sandbox.control<LogEntry[]>("GET", `/log?phone=${phone}`)),
    );
    for (const entry of lists.flat())
      this.seen.set(`${entry.at}:${entry.authKeyId}:${entry.method}:${entry.result}`, entry);
  }
}
