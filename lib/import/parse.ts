import { parseGramjsSession, parseMtkrutoSession, parsePyrogramSession, parseTelethonSession } from "@mtcute/convert";

/** Every way a session can arrive; the string formats can be detected, the file formats are read from files. */
export const importFormats = [
  "gramjs",
  "telethon",
  "pyrogram",
  "mtkruto",
  "telethon_file",
  "pyrogram_file",
  "tdata",
] as const;
export type ImportFormat = (typeof importFormats)[number];
export const stringFormats = ["gramjs", "telethon", "pyrogram", "mtkruto"] as const satisfies ImportFormat[];
export type StringFormat = (typeof stringFormats)[number];

/** What an upload says about one session: a DC id and a key, never an address (the console has its own). */
export type ParsedSession = {
  format: ImportFormat;
  dcId: number;
  authKey: Buffer;
  /** Pyrogram keeps the user id beside the key; it lets a preview say whose session it is. */
  userId?: bigint;
};

/** Why an item cannot be imported. The message names the problem, never the input. */
export class ImportParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportParseError";
  }
}

export const authKeyBytes = 256;

// Pyrogram's layouts, by string length: the oldest (32-bit user id), the old one (64-bit) and the current one.
const pyrogramLengths = { oldest: 351, old: 356, current: 362 } as const;
const pyrogramOldestBytes = 263;

/** Which string format `text` is in, from its shape alone; undefined when it is none of them. */
export function detectStringFormat(text: string): StringFormat | undefined {
  if (text.startsWith("1")) {
    const data = decodeBase64(text.slice(1));
    if (!data) return undefined;
    if (isGramjsLayout(data)) return "gramjs";
    return data.length === 263 || data.length === 275 ? "telethon" : undefined;
  }
  const data = decodeBase64(text);
  if (!data) return undefined;
  if (isMtkrutoLayout(data)) return "mtkruto";
  if (Object.values(pyrogramLengths).includes(text.replace(/=+$/, "").length as 351)) return "pyrogram";
  return undefined;
}

/** mtkruto starts with a TL string naming the DC ("2", "2-test"); Pyrogram with a DC byte and a small number. */
function isMtkrutoLayout(data: Buffer): boolean {
  const length = data[0] ?? 0;
  return length >= 1 && length <= 7 && /^[1-9][0-9]*(-test)?$/.test(data.subarray(1, 1 + length).toString("latin1"));
}

/** Parses one session string (format detected unless given) into its DC id and key; throws ImportParseError. */
export function parseSessionString(input: string, format?: StringFormat): ParsedSession {
  const text = input.trim();
  if (!text) throw new ImportParseError("The item is empty.");
  const detected = format ?? detectStringFormat(text);
  if (!detected) throw new ImportParseError("Not a session string of any supported format.");
  const parsed = parseAs(detected, text);
  return { format: detected, ...parsed };
}

function parseAs(format: StringFormat, text: string): Omit<ParsedSession, "format"> {
  const data = format === "mtkruto" || format === "pyrogram" ? decodeBase64(text) : decodeBase64(text.slice(1));
  if (!data || ((format === "gramjs" || format === "telethon") && !text.startsWith("1")))
    throw new ImportParseError(`Not a valid ${formatNames[format]} string.`);
  try {
    switch (format) {
      case "gramjs": {
        if (!isGramjsLayout(data)) throw new ImportParseError("A GramJS string of the wrong length (truncated?).");
        const session = parseGramjsSession(text);
        // The key is whatever follows the port: a short or long one is reported by its length, not cut to fit.
        return { dcId: session.dcId, authKey: data.subarray(5 + data.readUInt16BE(1)) };
      }
      case "telethon": {
        if (data.length !== 263 && data.length !== 275)
          throw new ImportParseError("A Telethon string of the wrong length (truncated?).");
        const session = parseTelethonSession(text);
        return { dcId: session.dcId, authKey: Buffer.from(session.authKey) };
      }
      case "pyrogram":
        return parsePyrogram(text, data);
      case "mtkruto": {
        const session = parseMtkrutoSession(text);
        return { dcId: session.dcId, authKey: Buffer.from(session.authKey) };
      }
    }
  } catch (error) {
    if (error instanceof ImportParseError) throw error;
    throw new ImportParseError(`Not a valid ${formatNames[format]} string (truncated or damaged).`);
  }
}

function parsePyrogram(text: string, data: Buffer): Omit<ParsedSession, "format"> {
  const length = text.replace(/=+$/, "").length;
  // @mtcute/convert reads the oldest layout's 32-bit user id as 64 bits, past the end; it is read here instead.
  if (length === pyrogramLengths.oldest) {
    if (data.length !== pyrogramOldestBytes) throw new ImportParseError("A Pyrogram string of the wrong length.");
    return { dcId: data[0] ?? 0, authKey: data.subarray(2, 258), userId: BigInt(data.readUInt32BE(258)) };
  }
  if (length !== pyrogramLengths.old && length !== pyrogramLengths.current)
    throw new ImportParseError("A Pyrogram string of the wrong length (truncated?).");
  const session = parsePyrogramSession(text);
  return { dcId: session.dcId, authKey: Buffer.from(session.authKey), userId: BigInt(session.userId) };
}

/** GramJS: dc id, a 16-bit address length, the address as text, a 16-bit port and the key. */
function isGramjsLayout(data: Buffer): boolean {
  if (data.length < 3) return false;
  const addressLength = data.readUInt16BE(1);
  if (addressLength === 0 || data.length <= 3 + addressLength + 2) return false;
  return /^[0-9a-fA-F.:]+$/.test(data.subarray(3, 3 + addressLength).toString("latin1"));
}

/** Standard or URL-safe base64, padded or not; undefined for anything else. */
function decodeBase64(text: string): Buffer | undefined {
  if (!text || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  return Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
}

export const formatNames: Record<ImportFormat, string> = {
  gramjs: "GramJS StringSession",
  telethon: "Telethon StringSession",
  pyrogram: "Pyrogram session string",
  mtkruto: "mtkruto session string",
  telethon_file: "Telethon .session file",
  pyrogram_file: "Pyrogram .session file",
  tdata: "Telegram Desktop tdata",
};

/**
 * Checks what no parser checks: the key is exactly 256 bytes and the DC is one the console knows (its address
 * comes from the console's own table, so an upload cannot make the server dial a host of its choosing).
 */
export function validateParsed(parsed: ParsedSession, knownDcIds: readonly number[]): void {
  if (parsed.authKey.length !== authKeyBytes)
    throw new ImportParseError(`The auth key is ${parsed.authKey.length} bytes; it must be ${authKeyBytes}.`);
  if (!knownDcIds.includes(parsed.dcId))
    throw new ImportParseError(`DC ${parsed.dcId} is not a Telegram DC this console knows.`);
}
