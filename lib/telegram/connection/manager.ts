import type { DbOrTx } from "@/db";
import { connectionConfig, type ConnectionConfig } from "./config";
import { connectWithBackoff } from "./connect";
import { FloodLedger } from "./flood-ledger";
import { guardInvoke } from "./guard-invoke";
import { LiveSession, type RunOptions, type SessionWork } from "./live-session";
import { newLeaseOwner } from "./owner";
import { Semaphore } from "./semaphore";

/**
 * The connections of one process (its lease owner id): at most one LiveSession per session here, and the
 * session row's lease keeps other processes out. Production has one manager per process; tests make
 * several to play several processes.
 */
export class ConnectionManager {
  readonly owner = newLeaseOwner();
  readonly config: ConnectionConfig;
  private readonly sessions = new Map<string, LiveSession>();
  private readonly limiter: Semaphore;

  constructor(overrides: Partial<ConnectionConfig> = {}) {
    this.config = connectionConfig(overrides);
    this.limiter = new Semaphore(this.config.concurrency);
  }

  /** `db` must not be an open transaction: the lease has to be visible to other processes at once. */
  run<T>(db: DbOrTx, sessionId: string, work: SessionWork<T>, options: RunOptions = {}): Promise<T> {
    let session = this.sessions.get(sessionId);
    if (!session) {
      session = new LiveSession(sessionId, db, this.owner, this.config, this.limiter, (closed) => {
        if (this.sessions.get(sessionId) === closed) this.sessions.delete(sessionId);
      });
      this.sessions.set(sessionId, session);
    }
    return session.run(db, work, options);
  }

  /**
   * Work with a key that has no session row yet (an import's probe): the same connect with backoff, invoke
   * guard, deadlines and concurrency limit as a stored session, but no lease and no events; flood waits are
   * kept for this run only. The connection closes when the work is done.
   */
  async runUnstored<T>(db: DbOrTx, label: string, saved: string, work: SessionWork<T>): Promise<T> {
    const ledger = FloodLedger.unstored(label, this.config.floodSleepSeconds);
    const { client, connectMs } = await connectWithBackoff({
      saved: () => saved,
      serverSalt: () => undefined,
      db: () => db,
      ledger,
      config: this.config,
      limiter: this.limiter,
      prepare: (fresh) =>
        guardInvoke(fresh, {
          sessionId: label,
          db: () => db,
          ledger,
          limiter: this.limiter,
          timeoutMs: this.config.requestTimeoutMs,
          onBroken: () => undefined,
        }),
      record: () => Promise.resolve(),
    });
    try {
      return await work(client, { connectMs });
    } finally {
      await client.destroy().catch(() => undefined);
    }
  }

  /** Live Telegram connections held by this manager right now. */
  connectedCount(): number {
    let count = 0;
    for (const session of this.sessions.values()) if (session.connected) count++;
    return count;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((session) => session.close("shutdown")));
  }
}

const holder = globalThis as typeof globalThis & { __connectionManager?: ConnectionManager };

/** This process's manager (kept on globalThis so development hot reloads do not make a second one). */
export function connectionManager(): ConnectionManager {
  holder.__connectionManager ??= new ConnectionManager();
  return holder.__connectionManager;
}
