import { crc32, deflateRawSync } from "node:zlib";
import { Tdata } from "@mtcute/convert";
import { Long } from "@mtcute/core";

/** A zip archive of `files` (path → content), deflated unless `stored`; written by hand for the tests. */
export function zipFiles(files: Record<string, Uint8Array>, options: { stored?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [path, content] of Object.entries(files)) {
    const name = Buffer.from(path, "utf8");
    const packed = options.stored ? Buffer.from(content) : deflateRawSync(content);
    const method = options.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(content), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(content), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    directory.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

export type TdataAccount = { dcId: number; authKey: Uint8Array; userId: bigint | number | string };

/**
 * A Telegram Desktop tdata folder of `accounts` written by @mtcute/convert's own Tdata class (on an in-memory file
 * system), zipped under `tdata/` as a user would upload it; `passcode` sets a local passcode.
 */
export async function tdataZip(accounts: TdataAccount[], passcode?: string): Promise<Buffer> {
  const files = new Map<string, Uint8Array>();
  const fs = {
    readFile: async (path: string) => files.get(path) ?? Promise.reject(new Error(`no ${path}`)),
    writeFile: async (path: string, data: Uint8Array) => void files.set(path, data),
    mkdir: async () => {},
    stat: async (path: string) => {
      const data = files.get(path);
      return (data ? { size: data.length, lastModified: 0 } : null) as { size: number; lastModified: number };
    },
  };
  const tdata = await Tdata.create({
    path: "/out/tdata",
    fs,
    passcode,
    keyData: { count: accounts.length, order: accounts.map((_, i) => i), active: 0 },
  });
  for (const [i, account] of accounts.entries()) {
    await tdata.writeMtpAuthorization(
      {
        userId: Long.fromString(String(account.userId)),
        mainDcId: account.dcId,
        authKeys: [{ dcId: account.dcId, key: account.authKey }],
        authKeysToDestroy: [],
      },
      i,
    );
    await tdata.writeEmptyMapFile(i);
  }
  const entries: Record<string, Uint8Array> = {};
  for (const [path, data] of files) entries[path.replace(/^\/out\//, "")] = data;
  return zipFiles(entries);
}
