import { unzipSync } from "node:zlib";

/** Constructor ids of the MTProto service messages the sandbox handles itself. */
export const SERVICE = {
  container: 0x73f1f8dc,
  gzip: 0x3072cfa1,
  msgsAck: 0x62d6b459,
  ping: 0x7abe77ec,
  pingDelayDisconnect: 0xf3427b8c,
  pong: 0x347773c5,
  newSession: 0x9ec20908,
  badServerSalt: 0xedab447b,
  badMsgNotification: 0xa7eff811,
  getFutureSalts: 0xb921bd04,
  futureSalts: 0xae500895,
} as const;

const SALT_PERIOD_SECONDS = 3600;
const MAX_FUTURE_SALTS = 64;

export interface ClientMessage {
  msgId: bigint;
  seqNo: number;
  body: Buffer;
}

/** Splits a msg_container into its messages. */
export function readContainer(body: Buffer): ClientMessage[] {
  const count = body.readInt32LE(4);
  const messages: ClientMessage[] = [];
  let offset = 8;
  for (let i = 0; i < count; i++) {
    const length = body.readInt32LE(offset + 12);
    messages.push({
      msgId: body.readBigInt64LE(offset),
      seqNo: body.readInt32LE(offset + 8),
      body: body.subarray(offset + 16, offset + 16 + length),
    });
    offset += 16 + length;
  }
  return messages;
}

/** gzip_packed packed_data:bytes → the inner object's bytes (gzip, or zlib as mtcute sends it). */
export function readGzipPacked(body: Buffer): Buffer {
  let length = body[4]!;
  let start = 5;
  if (length === 254) {
    length = body.readUIntLE(5, 3);
    start = 8;
  }
  return unzipSync(body.subarray(start, start + length));
}

export function pong(msgId: bigint, pingId: Buffer): Buffer {
  const out = Buffer.alloc(20);
  out.writeUInt32LE(SERVICE.pong, 0);
  out.writeBigInt64LE(msgId, 4);
  pingId.copy(out, 12);
  return out;
}

export function newSessionCreated(firstMsgId: bigint, salt: Buffer): Buffer {
  const out = Buffer.alloc(28);
  out.writeUInt32LE(SERVICE.newSession, 0);
  out.writeBigInt64LE(firstMsgId, 4);
  out.writeBigInt64LE(BigInt.asIntN(64, BigInt(Date.now()) * 7919n), 12);
  salt.copy(out, 20);
  return out;
}

export function badServerSalt(msg: ClientMessage, salt: Buffer): Buffer {
  const out = Buffer.alloc(28);
  out.writeUInt32LE(SERVICE.badServerSalt, 0);
  out.writeBigInt64LE(msg.msgId, 4);
  out.writeInt32LE(msg.seqNo, 12);
  out.writeInt32LE(48, 16);
  salt.copy(out, 20);
  return out;
}

/** bad_msg_notification: 16/17 msg_id too low/high, 18 msg_id not divisible by 4. */
export function badMsgNotification(msg: ClientMessage, code: number): Buffer {
  const out = Buffer.alloc(20);
  out.writeUInt32LE(SERVICE.badMsgNotification, 0);
  out.writeBigInt64LE(msg.msgId, 4);
  out.writeInt32LE(msg.seqNo, 12);
  out.writeInt32LE(code, 16);
  return out;
}

export function msgsAck(msgIds: bigint[]): Buffer {
  const out = Buffer.alloc(12 + 8 * msgIds.length);
  out.writeUInt32LE(SERVICE.msgsAck, 0);
  out.writeUInt32LE(0x1cb5c415, 4);
  out.writeInt32LE(msgIds.length, 8);
  msgIds.forEach((id, i) => out.writeBigInt64LE(id, 12 + 8 * i));
  return out;
}

export function container(messages: { msgId: bigint; seqNo: number; body: Buffer }[]): Buffer {
  const parts = messages.map((m) => {
    const head = Buffer.alloc(16);
    head.writeBigInt64LE(m.msgId, 0);
    head.writeInt32LE(m.seqNo, 8);
    head.writeInt32LE(m.body.length, 12);
    return Buffer.concat([head, m.body]);
  });
  const head = Buffer.alloc(8);
  head.writeUInt32LE(SERVICE.container, 0);
  head.writeInt32LE(messages.length, 4);
  return Buffer.concat([head, ...parts]);
}

/**
 * future_salts for get_future_salts (sent as its own message, not in rpc_result). The sandbox never rotates a
 * key's salt, so it lists the one salt for `num` consecutive hour-long periods starting now.
 */
export function futureSalts(reqMsgId: bigint, num: number, salt: Buffer, nowSeconds: number): Buffer {
  const count = Math.min(Math.max(num, 1), MAX_FUTURE_SALTS);
  const out = Buffer.alloc(20 + 16 * count);
  out.writeUInt32LE(SERVICE.futureSalts, 0);
  out.writeBigInt64LE(reqMsgId, 4);
  out.writeInt32LE(nowSeconds, 12);
  out.writeInt32LE(count, 16);
  for (let i = 0; i < count; i++) {
    const at = 20 + 16 * i;
    out.writeInt32LE(nowSeconds + i * SALT_PERIOD_SECONDS, at);
    out.writeInt32LE(nowSeconds + (i + 1) * SALT_PERIOD_SECONDS, at + 4);
    salt.copy(out, at + 8);
  }
  return out;
}
