import { Tdata } from "@mtcute/convert";
import { ImportParseError, type ParsedSession } from "./parse";
import { readZipEntries } from "./zip";

export { isZipFile } from "./zip";

// What tdata needs from a Telegram Desktop folder: key_data* (the local key and the account list) and each
// account's authorization file, named by 16 hex digits plus a suffix. Caches and media are never unpacked.
const neededFile = /(^|\/)(key_[A-Za-z0-9_#]+|[0-9A-F]{16}[01s])$/;
const zipLimits = { maxEntries: 100_000, maxEntryBytes: 1024 * 1024, maxTotalBytes: 16 * 1024 * 1024 };

/**
 * Reads every account of a Telegram Desktop tdata folder uploaded as a zip, with @mtcute/convert's Tdata on an
 * in-memory file system (nothing is written to disk). `passcode` is the local passcode, when one is set.
 */
export async function parseTdataZip(bytes: Uint8Array, passcode?: string): Promise<ParsedSession[]> {
  const entries = readZipEntries(bytes, (path) => neededFile.test(path), zipLimits);
  const keyFile = [...entries.keys()].find((path) => /(^|\/)key_datas?$|(^|\/)key_data[01]$/.test(path));
  if (!keyFile) throw new ImportParseError("The zip holds no tdata folder (no key_datas file).");
  const root = keyFile.replace(/[^/]*$/, "").replace(/\/$/, "");
  const files = new Map<string, Buffer>();
  for (const [path, content] of entries)
    if (path.startsWith(root)) files.set(`/tdata/${path.slice(root.length).replace(/^\//, "")}`, content);

  const fs = {
    async readFile(path: string): Promise<Uint8Array> {
      const content = files.get(path);
      if (!content) throw new ImportParseError("The tdata folder is missing a file.");
      return content;
    },
    stat: async (path: string) => {
      const content = files.get(path);
      return (content ? { size: content.length, lastModified: 0 } : null) as { size: number; lastModified: number };
    },
    writeFile: () => Promise.reject(new Error("The uploaded tdata is read-only.")),
    mkdir: () => Promise.reject(new Error("The uploaded tdata is read-only.")),
  };
  let tdata: Tdata;
  try {
    tdata = await Tdata.open({ path: "/tdata", fs, passcode: passcode ?? "" });
  } catch (error) {
    if (error instanceof ImportParseError) throw error;
    if (/invalid password/i.test((error as Error).message))
      throw new ImportParseError(
        passcode ? "The local passcode is wrong." : "This tdata has a local passcode: send it as passcode.",
      );
    throw new ImportParseError("The tdata folder could not be read.");
  }
  const accounts = tdata.keyData.order.length ? tdata.keyData.order : [0];
  const sessions: ParsedSession[] = [];
  for (const index of accounts) {
    let auth;
    try {
      auth = await tdata.readMtpAuthorization(index);
    } catch {
      throw new ImportParseError(`Account ${index + 1} of the tdata folder could not be read.`);
    }
    const key = auth.authKeys.find((k) => k.dcId === auth.mainDcId);
    if (!key) throw new ImportParseError(`Account ${index + 1} of the tdata folder has no key for its DC.`);
    sessions.push({
      format: "tdata",
      dcId: auth.mainDcId,
      authKey: Buffer.from(key.key),
      userId: BigInt(auth.userId.toString()),
    });
  }
  return sessions;
}
