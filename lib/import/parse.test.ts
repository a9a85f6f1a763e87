import { randomBytes } from "node:crypto";
import {
  serializeGramjsSession,
  serializeMtkrutoSession,
  serializePyrogramSession,
  serializeTelethonSession,
} from "@mtcute/convert";
import initSqlJs from "sql.js";
import { sessions } from "telegram";
import { AuthKey } from "telegram/crypto/AuthKey.js";
import { describe, expect, it } from "vitest";
import { detectStringFormat, ImportParseError, parseSessionString, validateParsed } from "./parse";
import { parseSessionFile } from "./session-file";

const key = randomBytes(256);
const knownDcs = [1, 2, 3];

async function gramjsString(dcId: number, authKey: Buffer): Promise<string> {
  const session = new sessions.StringSession("");
  session.setDC(dcId, "149.154.167.41", 443);
  const gramKey = new AuthKey();
  await gramKey.setKey(authKey);
  session.setAuthKey(gramKey);
  return session.save();
}

const pyrogramOldest = (dcId: number, userId: number) => {
  const data = Buffer.alloc(263);
  data[0] = dcId;
  key.copy(data, 2);
  data.writeUInt32BE(userId, 258);
  return data.toString("base64url");
};

function expectInvalid(text: string, reason: RegExp): void {
  let caught: unknown;
  try {
    validateParsed(parseSessionString(text), knownDcs);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ImportParseError);
  expect((caught as Error).message).toMatch(reason);
  const secretPart = text.trim().slice(5, 40);
  if (secretPart) expect((caught as Error).message).not.toContain(secretPart);
}

describe("session strings", () => {
  const mtcuteMade: [string, () => string, bigint | undefined][] = [
    [
      "telethon",
      () => serializeTelethonSession({ dcId: 2, ipAddress: "149.154.167.41", ipv6: false, port: 443, authKey: key }),
      undefined,
    ],
    [
      "telethon",
      () =>
        serializeTelethonSession({ dcId: 3, ipAddress: "2001:67c:4e8:f002::a", ipv6: true, port: 443, authKey: key }),
      undefined,
    ],
    [
      "gramjs",
      () => serializeGramjsSession({ dcId: 1, ipAddress: "149.154.175.56", ipv6: false, port: 443, authKey: key }),
      undefined,
    ],
    [
      "pyrogram",
      () =>
        serializePyrogramSession({
          dcId: 2,
          apiId: 94575,
          isTest: false,
          authKey: key,
          userId: 5_000_000_001,
          isBot: false,
        }),
      5_000_000_001n,
    ],
    [
      "pyrogram",
      () => serializePyrogramSession({ dcId: 2, isTest: false, authKey: key, userId: 7_000_000_002, isBot: false }),
      7_000_000_002n,
    ],
    ["pyrogram", () => pyrogramOldest(3, 123_456_789), 123_456_789n],
    ["mtkruto", () => serializeMtkrutoSession({ dcId: 2, isTest: false, authKey: key }), undefined],
  ];

  it.each(mtcuteMade)("detects and parses %s strings made by @mtcute/convert's writers", (format, make, userId) => {
    const text = make();
    expect(detectStringFormat(text)).toBe(format);
    const parsed = parseSessionString(`  ${text}\n`);
    expect(parsed.format).toBe(format);
    expect(parsed.authKey.equals(key)).toBe(true);
    expect(parsed.userId).toBe(userId);
    expect(() => validateParsed(parsed, knownDcs)).not.toThrow();
  });

  it("parses a StringSession saved by GramJS itself", async () => {
    const parsed = parseSessionString(await gramjsString(2, key));
    expect(parsed).toMatchObject({ format: "gramjs", dcId: 2 });
    expect(parsed.authKey.equals(key)).toBe(true);
  });

  it("honours an explicit format and refuses a string that is not in it", () => {
    const telethon = serializeTelethonSession({ dcId: 2, ipAddress: "1.2.3.4", ipv6: false, port: 443, authKey: key });
    expect(parseSessionString(telethon, "telethon").dcId).toBe(2);
    expect(() => parseSessionString(telethon, "gramjs")).toThrow(/GramJS .*wrong length/);
    expect(() => parseSessionString(telethon, "pyrogram")).toThrow(ImportParseError);
  });

  it("refuses truncated strings of every format with a reason", async () => {
    for (const [, make] of mtcuteMade)
      expectInvalid(make().slice(0, 200), /truncated|wrong length|not .*format|bytes/i);
    expectInvalid((await gramjsString(2, key)).slice(0, -8), /./);
  });

  it("refuses a 255-byte key and a DC the console does not know", async () => {
    const short = Buffer.alloc(3 + 14 + 2 + 255);
    short[0] = 2;
    short.writeUInt16BE(14, 1);
    short.write("149.154.167.41", 3, "latin1");
    short.writeUInt16BE(443, 17);
    expectInvalid(`1${short.toString("base64")}`, /255 bytes; it must be 256/);
    expectInvalid(serializeMtkrutoSession({ dcId: 2, isTest: false, authKey: key.subarray(0, 255) }), /255 bytes/);
    expectInvalid(await gramjsString(9, key), /DC 9 is not/);
  });

  it("refuses garbage lines", () => {
    for (const text of ["", "   ", "hello world", "1!!!", "1abc", "AAAA", "%%%%", "1" + "A".repeat(500), "😀"])
      expectInvalid(text, /./);
  });
});

describe(".session files", () => {
  async function sqliteFile(schema: string, insert: string, params: unknown[]): Promise<Uint8Array> {
    const db = new (await initSqlJs()).Database();
    db.run(schema);
    db.run(insert, params as never);
    const bytes = db.export();
    db.close();
    return bytes;
  }

  it("reads a Telethon file", async () => {
    const file = await sqliteFile(
      "create table sessions (dc_id integer primary key, server_address text, port integer, auth_key blob, takeout_id integer); create table entities (id integer primary key)",
      "insert into sessions values (?, ?, ?, ?, null)",
      [2, "149.154.167.41", 443, key],
    );
    const [parsed] = await parseSessionFile(file);
    expect(parsed).toMatchObject({ format: "telethon_file", dcId: 2 });
    expect(parsed?.authKey.equals(key)).toBe(true);
  });

  it("reads a Pyrogram file with its user id", async () => {
    const file = await sqliteFile(
      "create table sessions (dc_id integer primary key, api_id integer, test_mode integer, auth_key blob, date integer not null, user_id integer, is_bot integer)",
      "insert into sessions values (?, ?, 0, ?, 0, ?, 0)",
      [4, 94575, key, 6_000_000_003],
    );
    const [parsed] = await parseSessionFile(file);
    expect(parsed).toMatchObject({ format: "pyrogram_file", dcId: 4, userId: 6_000_000_003n });
  });

  it("refuses wrong tables, a file without a key, damaged and non-SQLite files", async () => {
    const wrongTables = await sqliteFile(
      "create table accounts (id integer, key blob)",
      "insert into accounts values (?, ?)",
      [1, key],
    );
    await expect(parseSessionFile(wrongTables)).rejects.toThrow(/no Telethon or Pyrogram sessions table/);
    const noKey = await sqliteFile(
      "create table sessions (dc_id integer primary key, server_address text, port integer, auth_key blob, takeout_id integer)",
      "insert into sessions values (?, ?, ?, null, null)",
      [2, "149.154.167.41", 443],
    );
    await expect(parseSessionFile(noKey)).rejects.toThrow(/no auth key/);
    const damaged = (await sqliteFile("create table t (x)", "insert into t values (?)", [1])).slice(0, 120);
    await expect(parseSessionFile(damaged)).rejects.toThrow(ImportParseError);
    await expect(parseSessionFile(Buffer.from("not sqlite at all"))).rejects.toThrow(/Not a SQLite/);
  });
});
