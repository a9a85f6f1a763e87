import {
  ImportParseError,
  parseSessionString,
  validateParsed,
  type ImportFormat,
  type ParsedSession,
  type StringFormat,
} from "./parse";
import { isSqliteFile, parseSessionFile } from "./session-file";
import { isZipFile, parseTdataZip } from "./tdata";

/** The most items one import may hold (after files are expanded into their sessions). */
export const maxImportItems = 500;

/** One item as the API takes it: a string (format detected unless given) and its own labels and 2FA password. */
export type ImportEntry = { data: string; format?: StringFormat; labels?: string[]; password?: string };
/** An uploaded file, read into memory (never written to disk). */
export type ImportFile = { name: string; bytes: Uint8Array };

/** One session to import, or the reason an input could not give one. */
export type PreparedItem = { index: number; name?: string; labels: string[]; password?: string } & (
  { parsed: ParsedSession; error?: undefined } | { parsed?: undefined; error: string; format?: ImportFormat }
);

/** More items than one import may hold; nothing was started. */
export class TooManyItemsError extends Error {
  constructor(readonly count: number) {
    super(`An import holds at most ${maxImportItems} items; this one has ${count}.`);
    this.name = "TooManyItemsError";
  }
}

/**
 * Turns strings and files into numbered items without connecting anywhere: a `.session` file may hold several
 * sessions, a `.txt` file one string per line, a tdata `.zip` one session per account. An input that cannot be
 * read becomes an item with its reason (never a word of the input).
 */
export async function prepareItems(
  entries: ImportEntry[],
  files: ImportFile[],
  options: { knownDcIds: number[]; labels?: string[]; passcode?: string },
): Promise<PreparedItem[]> {
  const items: PreparedItem[] = [];
  const knownDcs = options.knownDcIds;
  const add = (item: Omit<PreparedItem, "index">) => {
    if (items.length >= maxImportItems) throw new TooManyItemsError(items.length + 1);
    items.push({ ...checked(item, knownDcs), index: items.length } as PreparedItem);
  };
  const fileLabels = options.labels ?? [];
  for (const entry of entries) {
    const common = { labels: entry.labels ?? [], password: entry.password };
    add(settle(common, entry.format, () => parseSessionString(entry.data, entry.format)));
  }
  for (const file of files) {
    const common = { name: file.name, labels: fileLabels };
    if (/\.txt$/i.test(file.name)) {
      const lines = Buffer.from(file.bytes).toString("utf8").split(/\r?\n/);
      for (const [n, line] of lines.entries())
        if (line.trim())
          add(settle({ ...common, name: `${file.name}:${n + 1}` }, undefined, () => parseSessionString(line)));
      continue;
    }
    let parsed: ParsedSession[];
    try {
      parsed = await readFile(file, options.passcode);
    } catch (error) {
      if (!(error instanceof ImportParseError)) throw error;
      add({ ...common, error: error.message });
      continue;
    }
    if (parsed.length === 0) add({ ...common, error: "The file holds no session." });
    for (const [n, session] of parsed.entries())
      add({ ...common, name: nameOf(file.name, n, parsed.length), parsed: session });
  }
  return items;
}

function settle(
  common: { name?: string; labels: string[]; password?: string },
  format: ImportFormat | undefined,
  parse: () => ParsedSession,
): Omit<PreparedItem, "index"> {
  try {
    return { ...common, parsed: parse() };
  } catch (error) {
    if (!(error instanceof ImportParseError)) throw error;
    return { ...common, error: error.message, ...(format && { format }) };
  }
}

/** A key of the wrong length or a DC the console does not know is refused before anything connects. */
function checked(item: Omit<PreparedItem, "index">, knownDcs: number[]): Omit<PreparedItem, "index"> {
  if (!item.parsed) return item;
  try {
    validateParsed(item.parsed, knownDcs);
    return item;
  } catch (error) {
    if (!(error instanceof ImportParseError)) throw error;
    const { parsed, ...rest } = item;
    return { ...rest, format: parsed.format, error: error.message } as Omit<PreparedItem, "index">;
  }
}

const nameOf = (file: string, n: number, of: number) => (of > 1 ? `${file} #${n + 1}` : file);

async function readFile(file: ImportFile, passcode: string | undefined): Promise<ParsedSession[]> {
  const name = file.name.toLowerCase();
  if (name.endsWith(".zip") || isZipFile(file.bytes)) return parseTdataZip(file.bytes, passcode);
  if (name.endsWith(".session") || isSqliteFile(file.bytes)) return parseSessionFile(file.bytes);
  throw new ImportParseError("Not a .session, .txt or tdata .zip file.");
}
