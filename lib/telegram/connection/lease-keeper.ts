import type { DbOrTx } from "@/db";
import { findLease, releaseLease, renewLease, takeLease, type LeasedSession } from "@/db/queries/session-leases";
import { log } from "@/lib/log";
import { SessionBusyError, SessionUnavailableError } from "./errors";

/** Holds one session's lease: takes it, renews it every third of its lifetime, gives it back. */
export class LeaseKeeper {
  private timer: NodeJS.Timeout | undefined;
  private renewedAt = 0;

  constructor(
    private readonly sessionId: string,
    private readonly owner: string,
    private readonly seconds: number,
    /** Called when the lease can no longer be trusted to be ours: the connection must end now. */
    private readonly onLost: () => void,
  ) {}

  get held(): boolean {
    return this.timer !== undefined;
  }

  async take(db: DbOrTx): Promise<LeasedSession> {
    const row = await takeLease(db, this.sessionId, this.owner, this.seconds);
    if (!row) {
      const lease = await findLease(db, this.sessionId);
      if (!lease) throw new SessionUnavailableError(this.sessionId, "not_found");
      throw new SessionBusyError(this.sessionId, lease.leaseUntil);
    }
    this.adopt(db);
    return row;
  }

  /** Keeps renewing a lease the caller took itself (the monitor's claim). */
  adopt(db: DbOrTx): void {
    this.renewedAt = Date.now();
    this.timer = setInterval(() => void this.renew(db), (this.seconds * 1000) / 3);
    this.timer.unref();
  }

  /** Stops renewing without giving the lease back: the caller releases it with its own write. */
  handOver(): void {
    this.stop();
  }

  async release(db: DbOrTx): Promise<void> {
    if (!this.stop()) return;
    await releaseLease(db, this.sessionId, this.owner);
  }

  private stop(): boolean {
    if (!this.timer) return false;
    clearInterval(this.timer);
    this.timer = undefined;
    return true;
  }

  private async renew(db: DbOrTx): Promise<void> {
    try {
      if (await renewLease(db, this.sessionId, this.owner, this.seconds)) {
        this.renewedAt = Date.now();
        return;
      }
      this.lose();
    } catch (error) {
      log.warn({ err: error, sessionId: this.sessionId }, "could not renew a session lease");
      // Past most of its lifetime without a renewal, another process may take the session over.
      if (Date.now() - this.renewedAt > this.seconds * 900) this.lose();
    }
  }

  private lose(): void {
    if (this.stop()) this.onLost();
  }
}
