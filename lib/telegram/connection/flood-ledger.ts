import type { DbOrTx } from "@/db";
import { activeFloodWaits, recordFloodWait } from "@/db/queries/flood-waits";
import { floodWaitsTotal } from "@/lib/metrics/health";
import { sleep } from "./backoff";
import { FloodWaitActiveError } from "./errors";

// Callers name methods as GramJS classes (users.GetUsers) or TL names (users.getUsers): one key for both.
const key = (method: string) => method.toLowerCase();

// Timers may fire a hair early and our clock is not Telegram's: never send right at the edge of a wait.
const marginMs = 250;

/**
 * One session's flood waits, per method: loaded when the lease is taken (only the lease holder talks to
 * Telegram for the session, so this copy is the truth while it is held) and written through on every hit.
 */
export class FloodLedger {
  private constructor(
    private readonly sessionId: string,
    private readonly waits: Map<string, Date>,
    private readonly sleepThresholdMs: number,
    /** false for a key with no session row yet: its waits live in this copy only. */
    private readonly persist = true,
  ) {}

  /** The ledger of a key that has no session row (an import's probe), named `label` in its errors. */
  static unstored(label: string, sleepThresholdSeconds: number): FloodLedger {
    return new FloodLedger(label, new Map(), sleepThresholdSeconds * 1000, false);
  }

  static async load(db: DbOrTx, sessionId: string, sleepThresholdSeconds: number): Promise<FloodLedger> {
    return FloodLedger.fromWaits(sessionId, await activeFloodWaits(db, sessionId), sleepThresholdSeconds);
  }

  /** From waits the caller read itself (the monitor's claim reads them with the session). */
  static fromWaits(sessionId: string, waits: Map<string, Date>, sleepThresholdSeconds: number): FloodLedger {
    return new FloodLedger(
      sessionId,
      new Map([...waits].map(([method, until]) => [key(method), until])),
      sleepThresholdSeconds * 1000,
    );
  }

  /** Returns once `method` may be called: sleeps through a short wait, throws FloodWaitActiveError for a long one. */
  async gate(method: string): Promise<void> {
    const until = this.waits.get(key(method));
    if (!until) return;
    const remaining = until.getTime() + marginMs - Date.now();
    if (remaining <= 0) {
      this.waits.delete(key(method));
      return;
    }
    if (remaining > this.sleepThresholdMs + marginMs) throw new FloodWaitActiveError(this.sessionId, method, until);
    await sleep(remaining);
  }

  /** Records Telegram's FLOOD_WAIT_X for `method`; true when the wait is short enough to sleep through. */
  async record(db: DbOrTx, method: string, seconds: number): Promise<boolean> {
    const until = new Date(Date.now() + seconds * 1000);
    this.waits.set(key(method), until);
    floodWaitsTotal().inc({ method });
    if (this.persist) await recordFloodWait(db, this.sessionId, method, seconds, until);
    return seconds * 1000 <= this.sleepThresholdMs;
  }

  waitUntil(method: string): Date | undefined {
    return this.waits.get(key(method));
  }
}
