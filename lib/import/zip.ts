import { inflateRawSync } from "node:zlib";
import { ImportParseError } from "./parse";

export type ZipLimits = {
  /** Entries the central directory may list. */
  maxEntries: number;
  /** Bytes one extracted entry may inflate to. */
  maxEntryBytes: number;
  /** Bytes all extracted entries together may inflate to. */
  maxTotalBytes: number;
};

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const emptyZipMagic = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

export function isZipFile(data: Uint8Array): boolean {
  const head = Buffer.from(data.subarray(0, 4));
  return head.equals(zipMagic) || head.equals(emptyZipMagic);
}

/**
 * Reads the entries of a zip archive held in memory that `wanted` asks for (by path), others left compressed.
 * Stored and deflated entries only; sizes are checked against `limits` while inflating (zlib stops at the cap),
 * so a zip bomb costs at most the cap, whatever its headers claim.
 */
export function readZipEntries(
  bytes: Uint8Array,
  wanted: (path: string) => boolean,
  limits: ZipLimits,
): Map<string, Buffer> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(data);
  const count = data.readUInt16LE(end + 10);
  const directoryOffset = data.readUInt32LE(end + 16);
  if (count > limits.maxEntries) throw new ImportParseError(`The zip lists more than ${limits.maxEntries} files.`);
  const found = new Map<string, Buffer>();
  let total = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) throw damaged();
    const flags = data.readUInt16LE(at + 8);
    const method = data.readUInt16LE(at + 10);
    const compressedSize = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const skip = nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    const localOffset = data.readUInt32LE(at + 42);
    const path = data.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    at += 46 + skip;
    if (path.endsWith("/") || !wanted(path)) continue;
    if (flags & 1) throw new ImportParseError("The zip is encrypted; zip the tdata folder without a password.");
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff)
      throw new ImportParseError("The zip is too large (ZIP64).");
    if (localOffset + 30 > data.length || data.readUInt32LE(localOffset) !== 0x04034b50) throw damaged();
    const start = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
    const packed = data.subarray(start, start + compressedSize);
    if (packed.length !== compressedSize) throw damaged();
    const room = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
    const content = extract(method, packed, room);
    if (content.length !== size) throw damaged();
    total += content.length;
    found.set(path, content);
  }
  return found;
}

function extract(method: number, packed: Buffer, room: number): Buffer {
  if (method === 0) {
    if (packed.length > room) throw tooLarge();
    return packed;
  }
  if (method !== 8) throw new ImportParseError("The zip uses a compression method other than deflate.");
  try {
    return inflateRawSync(packed, { maxOutputLength: Math.max(room, 1) });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge();
    throw damaged();
  }
}

function findEndOfDirectory(data: Buffer): number {
  const earliest = Math.max(0, data.length - 22 - 0xffff);
  for (let at = data.length - 22; at >= earliest; at--) if (data.readUInt32LE(at) === 0x06054b50) return at;
  throw damaged();
}

const damaged = () => new ImportParseError("The zip is damaged.");
const tooLarge = () => new ImportParseError("The zip unpacks to more than a tdata folder holds (a zip bomb?).");
