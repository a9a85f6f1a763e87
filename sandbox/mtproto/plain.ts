import { BinaryReader } from "telegram/extensions";
import { serverMsgId } from "./msg-id";

/** Reads an unencrypted message (auth_key_id = 0) and returns its TL object. */
export function readPlainMessage(packet: Buffer): unknown {
  if (packet.length < 24) throw new Error("short plain message");
  const length = packet.readInt32LE(16);
  if (length <= 0 || 20 + length > packet.length) throw new Error("bad plain message length");
  return new BinaryReader(packet.subarray(20, 20 + length)).tgReadObject();
}

export function writePlainMessage(object: { getBytes(): Buffer }): Buffer {
  const body = object.getBytes();
  const head = Buffer.alloc(20);
  head.writeBigInt64LE(serverMsgId(true), 8);
  head.writeInt32LE(body.length, 16);
  return Buffer.concat([head, body]);
}
