import { randomBytes, randomInt } from "node:crypto";
import { crc32 } from "./crc32";

export type FramingKind = "full" | "intermediate" | "padded-intermediate" | "abridged";

/** One TCP stream's MTProto transport: splits incoming bytes into packets, frames outgoing ones. */
export interface Framing {
  readonly kind: FramingKind;
  /** Returns the complete packets now available; throws on a corrupt stream. */
  decode(chunk: Buffer): Buffer[];
  encode(payload: Buffer): Buffer;
}

const INTERMEDIATE_TAG = 0xeeeeeeee;
const PADDED_INTERMEDIATE_TAG = 0xdddddddd;
const ABRIDGED_TAG = 0xef;
const MAX_PACKET = 16 * 1024 * 1024;

/** Picks the framing from the first bytes of a stream, or undefined until enough arrived. */
export function detectFraming(head: Buffer): { framing: Framing; tagLength: number } | undefined {
  if (head.length < 1) return undefined;
  if (head[0] === ABRIDGED_TAG) return { framing: new AbridgedFraming(), tagLength: 1 };
  if (head.length < 4) return undefined;
  if (head.readUInt32LE(0) === INTERMEDIATE_TAG) return { framing: new IntermediateFraming(), tagLength: 4 };
  if (head.readUInt32LE(0) === PADDED_INTERMEDIATE_TAG)
    return { framing: new PaddedIntermediateFraming(), tagLength: 4 };
  return { framing: new FullFraming(), tagLength: 0 };
}

abstract class BufferedFraming {
  protected buffer: Buffer = Buffer.alloc(0);

  decode(chunk: Buffer): Buffer[] {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const packets: Buffer[] = [];
    for (;;) {
      const packet = this.next();
      if (!packet) return packets;
      packets.push(packet);
    }
  }

  protected take(length: number): Buffer {
    const out = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return out;
  }

  protected abstract next(): Buffer | undefined;
}

class FullFraming extends BufferedFraming implements Framing {
  readonly kind = "full";
  private recvSeq = 0;
  private sendSeq = 0;

  protected next(): Buffer | undefined {
    if (this.buffer.length < 4) return undefined;
    const length = this.buffer.readInt32LE(0);
    if (length < 12 || length > MAX_PACKET) throw new Error(`bad full-transport length ${length}`);
    if (this.buffer.length < length) return undefined;
    const frame = this.take(length);
    if (crc32(frame.subarray(0, length - 4)) !== frame.readUInt32LE(length - 4)) throw new Error("bad CRC32");
    if (frame.readInt32LE(4) !== this.recvSeq++) throw new Error("bad transport sequence number");
    return frame.subarray(8, length - 4);
  }

  encode(payload: Buffer): Buffer {
    const head = Buffer.alloc(8);
    head.writeInt32LE(payload.length + 12, 0);
    head.writeInt32LE(this.sendSeq++, 4);
    const body = Buffer.concat([head, payload]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32LE(crc32(body), 0);
    return Buffer.concat([body, crc]);
  }
}

class IntermediateFraming extends BufferedFraming implements Framing {
  readonly kind: FramingKind = "intermediate";

  protected next(): Buffer | undefined {
    if (this.buffer.length < 4) return undefined;
    const length = this.buffer.readInt32LE(0);
    if (length < 0 || length > MAX_PACKET) throw new Error(`bad intermediate length ${length}`);
    if (this.buffer.length < 4 + length) return undefined;
    return this.take(4 + length).subarray(4);
  }

  encode(payload: Buffer): Buffer {
    const head = Buffer.alloc(4);
    head.writeInt32LE(payload.length, 0);
    return Buffer.concat([head, payload]);
  }
}

/**
 * Intermediate with 0–15 random bytes after each payload. The padding is cut off again: an encrypted message is
 * auth_key_id + msg_key + a multiple of 16 bytes; a plain one carries its own length.
 */
class PaddedIntermediateFraming extends IntermediateFraming {
  override readonly kind: FramingKind = "padded-intermediate";

  protected override next(): Buffer | undefined {
    const packet = super.next();
    if (!packet || packet.length < 24 || packet.readBigUInt64LE(0) === 0n) return packet;
    return packet.subarray(0, packet.length - ((packet.length - 24) % 16));
  }

  override encode(payload: Buffer): Buffer {
    return super.encode(Buffer.concat([payload, randomBytes(randomInt(0, 16))]));
  }
}

class AbridgedFraming extends BufferedFraming implements Framing {
  readonly kind = "abridged";

  protected next(): Buffer | undefined {
    if (this.buffer.length < 1) return undefined;
    let words = this.buffer[0]!;
    let headLength = 1;
    if (words >= 0x7f) {
      if (this.buffer.length < 4) return undefined;
      words = this.buffer.readUIntLE(1, 3);
      headLength = 4;
    }
    if (words * 4 > MAX_PACKET) throw new Error("abridged packet too large");
    if (this.buffer.length < headLength + words * 4) return undefined;
    return this.take(headLength + words * 4).subarray(headLength);
  }

  encode(payload: Buffer): Buffer {
    const words = payload.length >> 2;
    if (words < 0x7f) return Buffer.concat([Buffer.from([words]), payload]);
    const head = Buffer.alloc(4);
    head[0] = 0x7f;
    head.writeUIntLE(words, 1, 3);
    return Buffer.concat([head, payload]);
  }
}
