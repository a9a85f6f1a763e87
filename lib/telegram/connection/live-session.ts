import type { TelegramClient } from "telegram";
import type { DbOrTx } from "@/db";
import { insertConnectionEvent } from "@/db/queries/session-event-writes";
import { storeServerSalt, touchLastUsed } from "@/db/queries/session-leases";
import type { ConnectionEventDetail } from "@/db/schema";
import { secrets } from "@/lib/keys/encrypted-columns";
import { log } from "@/lib/log";
import { decrypt, encrypt, loadKeyRing } from "@/lib/vault";
import { serverSaltOf } from "../client";
import type { ConnectionConfig } from "./config";
import { connectWithBackoff } from "./connect";
import { SessionUnavailableError } from "./errors";
import { FloodLedger } from "./flood-ledger";
import { guardInvoke } from "./guard-invoke";
import { LeaseKeeper } from "./lease-keeper";
import type { Semaphore } from "./semaphore";
import { SerialQueue } from "./serial-queue";

export type RunOptions = {
  /** The Telegram method the work calls: an active long flood wait for it refuses the work before connecting. */
  method?: string;
  /**
   * false: disconnect when done instead of idling (the monitor's checks). Such a brief connection that
   * opens and closes cleanly writes no connection events (its check event has the connect time), so
   * a sweep adds one event per session, not three. Default true.
   */
  keepAlive?: boolean;
  /**
   * The caller already took the lease and read the session and its flood ledger in one statement (the
   * monitor's claim), and writes the session's last use and gives the lease back in its own final statement:
   * this run reads nothing before connecting, touches nothing after, and hands the lease over when done.
   */
  claimed?: ClaimedLease;
};
export type ClaimedLease = {
  sessionCiphertext: string | null;
  serverSaltCiphertext: string | null;
  floodWaits: Map<string, Date>;
};
export type RunInfo = { connectMs: number };
export type SessionWork<T> = (client: TelegramClient, info: RunInfo) => Promise<T>;

type Closing = NonNullable<ConnectionEventDetail["reason"]>;

/** One session's connection in this process: its lease, flood ledger, queue, client and idle timer. */
export class LiveSession {
  private client: TelegramClient | undefined;
  private connectedAt = 0;
  private brief = false;
  private broken = false;
  private ciphertext = "";
  private saltCiphertext: string | null = null;
  /** The salt the current connection started with (decrypted from saltCiphertext). */
  private knownSalt: string | undefined;
  private ledger: FloodLedger | undefined;
  /** The lease came from the caller's claim and goes back with the caller's own write. */
  private leaseToCaller = false;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly queue = new SerialQueue();
  private readonly lease: LeaseKeeper;

  constructor(
    readonly sessionId: string,
    private db: DbOrTx,
    owner: string,
    private readonly config: ConnectionConfig,
    private readonly limiter: Semaphore,
    private readonly onClosed: (session: LiveSession) => void,
  ) {
    this.lease = new LeaseKeeper(sessionId, owner, config.leaseSeconds, () => void this.dropLostLease());
  }

  get connected(): boolean {
    return this.client !== undefined;
  }

  run<T>(db: DbOrTx, work: SessionWork<T>, options: RunOptions): Promise<T> {
    this.db = db;
    clearTimeout(this.idleTimer);
    return this.queue.push(() => this.runOne(work, options));
  }

  /** Ends the connection and gives the lease back (after any queued work). */
  close(reason: Closing = "shutdown"): Promise<void> {
    clearTimeout(this.idleTimer);
    return this.queue.push(() => this.shutdown(reason));
  }

  private async runOne<T>(work: SessionWork<T>, options: RunOptions): Promise<T> {
    try {
      const ledger = await this.ensureLease(options.claimed);
      if (options.method) await ledger.gate(options.method);
      const connectMs = await this.ensureConnected(ledger, options.keepAlive === false);
      const result = await work(this.client as TelegramClient, { connectMs });
      await this.keepServerSalt();
      if (!options.claimed) await touchLastUsed(this.db, this.sessionId);
      return result;
    } finally {
      await this.afterWork(options.keepAlive ?? true);
    }
  }

  private async ensureLease(claimed: ClaimedLease | undefined): Promise<FloodLedger> {
    if (this.lease.held && this.ledger) return this.ledger;
    if (claimed) return this.adoptClaim(claimed);
    const row = await this.lease.take(this.db);
    if (!row.sessionCiphertext) {
      await this.lease.release(this.db);
      throw new SessionUnavailableError(this.sessionId, "revoked");
    }
    this.ciphertext = row.sessionCiphertext;
    this.saltCiphertext = row.serverSaltCiphertext;
    this.ledger = await FloodLedger.load(this.db, this.sessionId, this.config.floodSleepSeconds);
    return this.ledger;
  }

  private adoptClaim(claimed: ClaimedLease): FloodLedger {
    // Not adopted: the caller gives the lease back, as it would after any failed check.
    if (!claimed.sessionCiphertext) throw new SessionUnavailableError(this.sessionId, "revoked");
    this.lease.adopt(this.db);
    this.leaseToCaller = true;
    this.ciphertext = claimed.sessionCiphertext;
    this.saltCiphertext = claimed.serverSaltCiphertext;
    this.ledger = FloodLedger.fromWaits(this.sessionId, claimed.floodWaits, this.config.floodSleepSeconds);
    return this.ledger;
  }

  private async ensureConnected(ledger: FloodLedger, brief: boolean): Promise<number> {
    if (this.client?.connected && !this.broken) return 0;
    if (this.client) await this.disconnect("error");
    this.broken = false;
    this.brief = brief;
    const { client, connectMs } = await connectWithBackoff({
      saved: () => decrypt(loadKeyRing(), this.ciphertext, secrets.sessionString.binding(this.sessionId)),
      serverSalt: () => (this.knownSalt = this.readSalt()),
      db: () => this.db,
      ledger,
      config: this.config,
      limiter: this.limiter,
      prepare: (fresh) =>
        guardInvoke(fresh, {
          sessionId: this.sessionId,
          db: () => this.db,
          ledger,
          limiter: this.limiter,
          timeoutMs: this.config.requestTimeoutMs,
          onBroken: () => (this.broken = true),
        }),
      record: (detail, latencyMs) =>
        brief && detail.state === "connected" ? Promise.resolve() : this.record(detail, latencyMs),
    });
    this.client = client;
    this.connectedAt = Date.now();
    return connectMs;
  }

  private readSalt(): string | undefined {
    if (!this.saltCiphertext) return undefined;
    try {
      return decrypt(loadKeyRing(), this.saltCiphertext, secrets.serverSalt.binding(this.sessionId));
    } catch {
      // Only a round trip is lost: the DC names the right salt and the connection learns it.
      return undefined;
    }
  }

  /** One write, only when the DC named another salt than the connection started with (Telegram rotates them). */
  private async keepServerSalt(): Promise<void> {
    const salt = this.client && serverSaltOf(this.client);
    if (!salt || salt === this.knownSalt) return;
    this.knownSalt = salt;
    this.saltCiphertext = encrypt(loadKeyRing(), salt, secrets.serverSalt.binding(this.sessionId));
    await storeServerSalt(this.db, this.sessionId, this.saltCiphertext).catch((error: unknown) =>
      this.warn(error, "could not keep the server salt"),
    );
  }

  private async afterWork(keepAlive: boolean): Promise<void> {
    if (this.queue.size > 1) return;
    if (this.broken || !keepAlive || this.config.idleMs === 0 || !this.client) {
      await this.shutdown(this.broken ? "error" : "done");
      return;
    }
    this.idleTimer = setTimeout(() => void this.close("idle"), this.config.idleMs);
    this.idleTimer.unref();
  }

  private async shutdown(reason: Closing): Promise<void> {
    await this.disconnect(reason);
    if (this.leaseToCaller) this.lease.handOver();
    else
      await this.lease
        .release(this.db)
        .catch((error: unknown) => this.warn(error, "could not release a session lease"));
    this.leaseToCaller = false;
    this.ledger = undefined;
    // Only the closing job left: later work starts a fresh entry in the manager.
    if (this.queue.size <= 1) this.onClosed(this);
  }

  private async disconnect(reason: Closing): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.client = undefined;
    await client.destroy().catch(() => undefined);
    if (this.brief && reason === "done") return;
    await this.record({ state: "disconnected", reason, connectedForMs: Date.now() - this.connectedAt });
  }

  /** Another process may own the session now: stop talking to Telegram at once, outside the queue. */
  private async dropLostLease(): Promise<void> {
    await this.disconnect("lease_lost");
    this.ledger = undefined;
  }

  private async record(detail: ConnectionEventDetail, latencyMs?: number): Promise<void> {
    await insertConnectionEvent(this.db, this.sessionId, detail, latencyMs).catch((error: unknown) =>
      this.warn(error, "could not record a connection event"),
    );
  }

  private warn(error: unknown, message: string): void {
    log.warn({ err: error, sessionId: this.sessionId }, message);
  }
}
