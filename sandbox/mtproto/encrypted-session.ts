import { dispatch } from "../api/dispatch";
import { rpcResult } from "../api/result";
import { authorizationOfKey, endAuthorization } from "../server/authorizations";
import { phoneOfKey } from "../server/accounts";
import type { ServerContext } from "../server/context";
import type { LiveConnection } from "../server/live";
import type { AuthKeyRecord } from "../store/types";
import { writeObject, type TlObject } from "../tl/codec";
import { DEFAULT_LAYER, schemaOf } from "../tl/layers";
import type { PacketStream } from "../transport/packet-stream";
import { decryptClientPacket, encryptServerPacket } from "./envelope";
import { msgIdTime, serverMsgId } from "./msg-id";
import * as service from "./service";

/** The request-log entry (method and result) for one key used under two session ids at once from one address. */
export const CONCURRENT_KEY_USE = "concurrent_key_use";
/** The request-log entry (method and result) for a message refused for its server salt. */
export const BAD_SERVER_SALT = "bad_server_salt";

interface Outgoing {
  body: Buffer;
  contentRelated: boolean;
}

/** One connection's encrypted MTProto session on an auth key. */
export class EncryptedSession implements LiveConnection {
  sessionId: bigint | undefined;
  lastMessageAt = 0;
  private seq = 0;
  private announced = false;
  private readonly key: Buffer;
  private readonly keyId: Buffer;
  private disconnectTimer: NodeJS.Timeout | undefined;
  private loggedConcurrentSession: bigint | undefined;

  constructor(
    private readonly ctx: ServerContext,
    private readonly dcId: number,
    readonly record: AuthKeyRecord,
    private readonly stream: PacketStream,
  ) {
    this.key = Buffer.from(record.key, "hex");
    this.keyId = Buffer.from(record.id, "hex");
    ctx.live.bind(record.id, this);
  }

  get open(): boolean {
    return this.stream.open;
  }

  detach(): void {
    clearTimeout(this.disconnectTimer);
    this.ctx.live.unbind(this.record.id, this);
  }

  async handlePacket(packet: Buffer): Promise<void> {
    const msg = decryptClientPacket(this.key, packet);
    if (!msg) return this.stream.destroy();
    this.lastMessageAt = Date.now();
    if (this.sessionId !== msg.sessionId) {
      this.sessionId = msg.sessionId;
      this.seq = 0;
      this.announced = false;
    }
    if (!this.record.dead) this.checkConcurrentUse();
    const salt = Buffer.from(this.record.salt, "hex");
    const timeError = msgIdError(msg.msgId);
    if (timeError) return this.flush([{ body: service.badMsgNotification(msg, timeError), contentRelated: false }]);
    if (!msg.salt.equals(salt)) return this.rejectSalt(msg, salt);
    const out: Outgoing[] = [];
    if (!this.announced) {
      this.announced = true;
      out.push({ body: service.newSessionCreated(msg.msgId, salt), contentRelated: false });
    }
    const acks: bigint[] = [];
    await this.process(msg, out, acks);
    if (acks.length) out.push({ body: service.msgsAck(acks), contentRelated: false });
    this.flush(out);
  }

  /** bad_server_salt: the client sends the message again with the right salt, a round trip later. */
  private rejectSalt(msg: service.ClientMessage, salt: Buffer): void {
    this.ctx.log.add({
      at: Date.now(),
      dcId: this.dcId,
      authKeyId: this.record.id,
      method: BAD_SERVER_SALT,
      phone: phoneOfKey(this.ctx.store, this.record),
      result: BAD_SERVER_SALT,
    });
    this.flush([{ body: service.badServerSalt(msg, salt), contentRelated: false }]);
  }

  pushUpdate(update: TlObject): void {
    if (this.sessionId === undefined) return;
    const body = writeObject(schemaOf(this.record.layer ?? DEFAULT_LAYER), update);
    this.send({ msgId: serverMsgId(false), seqNo: this.nextSeq(true), body });
  }

  private async process(msg: service.ClientMessage, out: Outgoing[], acks: bigint[]): Promise<void> {
    switch (msg.body.readUInt32LE(0)) {
      case service.SERVICE.container:
        for (const inner of service.readContainer(msg.body)) await this.process(inner, out, acks);
        return;
      case service.SERVICE.gzip:
        return this.process({ ...msg, body: service.readGzipPacked(msg.body) }, out, acks);
      case service.SERVICE.msgsAck:
        return;
      case service.SERVICE.pingDelayDisconnect:
        this.armDisconnect(msg.body.readInt32LE(12));
      // falls through: answered like a ping
      case service.SERVICE.ping:
        out.push({ body: service.pong(msg.msgId, msg.body.subarray(4, 12)), contentRelated: false });
        return;
      case service.SERVICE.getFutureSalts: {
        const salt = Buffer.from(this.record.salt, "hex");
        const now = Math.floor(Date.now() / 1000);
        out.push({ body: service.futureSalts(msg.msgId, msg.body.readInt32LE(4), salt, now), contentRelated: true });
        this.ctx.log.add({
          at: Date.now(),
          dcId: this.dcId,
          authKeyId: this.record.id,
          method: "get_future_salts",
          result: "ok",
        });
        return;
      }
      default:
        acks.push(msg.msgId);
        out.push({ body: rpcResult(msg.msgId, await this.rpc(msg.body)), contentRelated: true });
    }
  }

  private rpc(body: Buffer): Promise<Buffer> {
    return dispatch(
      { ctx: this.ctx, dcId: this.dcId, authKey: this.record, ip: this.stream.remoteAddress, now: Date.now() },
      body,
    );
  }

  get peer(): string {
    return this.stream.remoteAddress;
  }

  /** Telegram kills a key used from two places at once; one client's several connections are only logged. */
  private checkConcurrentUse(): void {
    const use = this.ctx.live.concurrentUse(this.record.id, this);
    if (use === "other_address") return this.markDuplicated();
    if (use !== "other_session" || this.loggedConcurrentSession === this.sessionId) return;
    this.loggedConcurrentSession = this.sessionId;
    this.ctx.log.add({
      at: Date.now(),
      dcId: this.dcId,
      authKeyId: this.record.id,
      method: CONCURRENT_KEY_USE,
      phone: phoneOfKey(this.ctx.store, this.record),
      result: CONCURRENT_KEY_USE,
    });
  }

  private markDuplicated(): void {
    this.record.dead = "AUTH_KEY_DUPLICATED";
    const authorization = authorizationOfKey(this.ctx, this.record);
    if (authorization) endAuthorization(this.ctx, authorization, "revoked");
    this.ctx.store.changed();
  }

  /** ping_delay_disconnect: close the connection unless another ping arrives in time. */
  private armDisconnect(seconds: number): void {
    clearTimeout(this.disconnectTimer);
    this.disconnectTimer = setTimeout(() => this.stream.destroy(), seconds * 1000);
    this.disconnectTimer.unref();
  }

  private flush(out: Outgoing[]): void {
    if (out.length === 0) return;
    const messages = out.map((o) => ({
      msgId: serverMsgId(true),
      seqNo: this.nextSeq(o.contentRelated),
      body: o.body,
    }));
    const [only] = messages;
    if (messages.length === 1 && only) return this.send(only);
    this.send({ msgId: serverMsgId(true), seqNo: this.nextSeq(false), body: service.container(messages) });
  }

  private send(message: { msgId: bigint; seqNo: number; body: Buffer }): void {
    const salt = Buffer.from(this.record.salt, "hex");
    this.stream.send(encryptServerPacket(this.key, this.keyId, { ...message, salt, sessionId: this.sessionId ?? 0n }));
  }

  private nextSeq(contentRelated: boolean): number {
    return contentRelated ? this.seq++ * 2 + 1 : this.seq * 2;
  }
}

/** Telegram's msg_id checks: 16 too old (>300 s), 17 too far ahead (>30 s), 18 not divisible by 4. */
function msgIdError(msgId: bigint): number {
  if (msgId % 4n !== 0n) return 18;
  const skew = msgIdTime(msgId) - Date.now() / 1000;
  if (skew < -300) return 16;
  if (skew > 30) return 17;
  return 0;
}
