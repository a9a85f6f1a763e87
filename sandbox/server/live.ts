/** What the registry needs from a live MTProto connection. */
export interface LiveConnection {
  readonly sessionId: bigint | undefined;
  readonly lastMessageAt: number;
  readonly open: boolean;
  pushUpdate(body: Buffer): void;
}

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

  /** Another open, recently active connection uses this key with a different session id. */
  isDuplicated(authKeyId: string, connection: LiveConnection): boolean {
    const now = Date.now();
    for (const other of this.byKey.get(authKeyId) ?? []) {
      if (other === connection || !other.open || other.sessionId === undefined) continue;
      if (other.sessionId !== connection.sessionId && now - other.lastMessageAt < ACTIVE_MS) return true;
    }
    return false;
  }

  push(authKeyId: string, body: Buffer): void {
    for (const connection of this.byKey.get(authKeyId) ?? []) if (connection.open) connection.pushUpdate(body);
  }
}
