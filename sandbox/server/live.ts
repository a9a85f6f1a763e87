import type { TlObject } from "../tl/codec";

/** What the registry needs from a live MTProto connection. */
export interface LiveConnection {
  readonly sessionId: bigint | undefined;
  readonly lastMessageAt: number;
  readonly open: boolean;
  /** The client's address as the DC sees it. */
  readonly peer: string;
  pushUpdate(update: TlObject): void;
}

/**
 * How a connection's use of its key overlaps another open, recently active connection's: from another client
 * address (Telegram's AUTH_KEY_DUPLICATED), or from the same address under another session id (allowed, logged).
 */
export type ConcurrentUse = "other_address" | "other_session";

// A connection silent for longer than this no longer counts as "using" its key
// (GramJS pings every 9 s, so a live client is never this quiet).
const ACTIVE_MS = 60_000;

/** Live connections per auth key: for pushed updates and AUTH_KEY_DUPLICATED detection. */
export class LiveRegistry {
  private byKey = new Map<string, Set<LiveConnection>>();

  bind(authKeyId: string, connection: LiveConnection): void {
    let set = this.byKey.get(authKeyId);
    if (!set) this.byKey.set(authKeyId, (set = new Set()));
    set.add(connection);
  }

  unbind(authKeyId: string, connection: LiveConnection): void {
    this.byKey.get(authKeyId)?.delete(connection);
  }

  concurrentUse(authKeyId: string, connection: LiveConnection): ConcurrentUse | undefined {
    const now = Date.now();
    let use: ConcurrentUse | undefined;
    for (const other of this.byKey.get(authKeyId) ?? []) {
      if (other === connection || !other.open || other.sessionId === undefined) continue;
      if (now - other.lastMessageAt >= ACTIVE_MS) continue;
      if (other.peer !== connection.peer) return "other_address";
      if (other.sessionId !== connection.sessionId) use = "other_session";
    }
    return use;
  }

  push(authKeyId: string, update: TlObject): void {
    for (const connection of this.byKey.get(authKeyId) ?? []) if (connection.open) connection.pushUpdate(update);
  }
}
