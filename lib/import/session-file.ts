import initSqlJs, { type Database, type SqlJsStatic } from "sql.js";
import { ImportParseError, type ParsedSession } from "./parse";

let sqlite: Promise<SqlJsStatic> | undefined;

const sqliteMagic = Buffer.from("SQLite format 3\0", "latin1");

export function isSqliteFile(data: Uint8Array): boolean {
  return Buffer.from(data.subarray(0, sqliteMagic.length)).equals(sqliteMagic);
}

/**
 * Reads a Telethon or Pyrogram `.session` file, told apart by the columns of its `sessions` table. The file is
 * opened by sql.js in memory (WebAssembly SQLite): it never touches the disk.
 */
export async function parseSessionFile(data: Uint8Array): Promise<ParsedSession[]> {
  if (!isSqliteFile(data)) throw new ImportParseError("Not a SQLite .session file.");
  sqlite ??= initSqlJs();
  let db: Database;
  try {
    db = new (await sqlite).Database(data);
  } catch {
    throw new ImportParseError("The .session file is damaged.");
  }
  try {
    const columns = new Set(readRows(db, "select name from pragma_table_info('sessions')").map((row) => row.name));
    if (columns.has("server_address") && columns.has("auth_key")) return readSessions(db, "telethon_file");
    if (columns.has("test_mode") && columns.has("auth_key")) return readSessions(db, "pyrogram_file");
    throw new ImportParseError("The .session file has no Telethon or Pyrogram sessions table.");
  } finally {
    db.close();
  }
}

function readSessions(db: Database, format: "telethon_file" | "pyrogram_file"): ParsedSession[] {
  const userColumn = format === "pyrogram_file" ? ", user_id" : "";
  const rows = readRows(db, `select dc_id, auth_key${userColumn} from sessions where auth_key is not null`);
  if (rows.length === 0) throw new ImportParseError("The .session file holds no auth key (never logged in?).");
  return rows.map((row) => {
    if (typeof row.dc_id !== "number" || !(row.auth_key instanceof Uint8Array))
      throw new ImportParseError("The .session file's sessions table holds values of the wrong types.");
    const userId = typeof row.user_id === "number" ? BigInt(row.user_id) : undefined;
    return { format, dcId: row.dc_id, authKey: Buffer.from(row.auth_key), ...(userId !== undefined && { userId }) };
  });
}

function readRows(db: Database, sql: string): Record<string, unknown>[] {
  let result;
  try {
    result = db.exec(sql);
  } catch {
    throw new ImportParseError("The .session file is damaged.");
  }
  const [table] = result;
  if (!table) return [];
  return table.values.map((values) => Object.fromEntries(table.columns.map((column, i) => [column, values[i]])));
}
