import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { tdataZip, zipFiles } from "@/tests/support/tdata-zip";
import { ImportParseError } from "./parse";
import { maxImportItems, prepareItems, TooManyItemsError } from "./prepare";
import { parseTdataZip } from "./tdata";

const keys = [randomBytes(256), randomBytes(256)];
const knownDcIds = [1, 2, 3, 4, 5];

describe("tdata zips", () => {
  it("reads every account of a tdata written by @mtcute/convert's Tdata", async () => {
    const zip = await tdataZip([
      { dcId: 2, authKey: keys[0]!, userId: 5_000_000_001n },
      { dcId: 4, authKey: keys[1]!, userId: 777 },
    ]);
    const sessions = await parseTdataZip(zip);
    expect(sessions.map(({ format, dcId, userId }) => ({ format, dcId, userId }))).toEqual([
      { format: "tdata", dcId: 2, userId: 5_000_000_001n },
      { format: "tdata", dcId: 4, userId: 777n },
    ]);
    expect(sessions[0]!.authKey.equals(keys[0]!)).toBe(true);
    expect(sessions[1]!.authKey.equals(keys[1]!)).toBe(true);
  });

  it("asks for the local passcode, refuses a wrong one and reads with the right one", async () => {
    const zip = await tdataZip([{ dcId: 2, authKey: keys[0]!, userId: 42 }], "open sesame");
    await expect(parseTdataZip(zip)).rejects.toThrow(/has a local passcode/);
    await expect(parseTdataZip(zip, "wrong")).rejects.toThrow(/passcode is wrong/);
    expect((await parseTdataZip(zip, "open sesame"))[0]?.authKey.equals(keys[0]!)).toBe(true);
  });

  it("stops a zip bomb at the cap without inflating it, whatever its header claims", async () => {
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const bomb = zipFiles({ "tdata/key_datas": zeros });
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expect(parseTdataZip(bomb)).rejects.toThrow(/zip bomb/);
    // A header that lies about the size is caught by the same cap.
    const lying = Buffer.from(bomb);
    const central = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(100, central + 24);
    await expect(parseTdataZip(lying)).rejects.toThrow(ImportParseError);
  });

  it("refuses a zip without tdata, a damaged zip and an encrypted entry with a reason", async () => {
    await expect(parseTdataZip(zipFiles({ "notes.txt": Buffer.from("hi") }))).rejects.toThrow(/no tdata folder/);
    const good = await tdataZip([{ dcId: 2, authKey: keys[0]!, userId: 42 }]);
    await expect(parseTdataZip(good.subarray(0, good.length - 30))).rejects.toThrow(/damaged/);
    await expect(parseTdataZip(Buffer.from("PK\x03\x04 nothing else"))).rejects.toThrow(/damaged/);
    const encrypted = zipFiles({ "tdata/key_datas": Buffer.from("x") }, { stored: true });
    encrypted.writeUInt16LE(1, encrypted.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8);
    await expect(parseTdataZip(encrypted)).rejects.toThrow(/encrypted/);
  });
});

describe("prepareItems", () => {
  it("numbers strings, lines of .txt files and accounts of tdata zips, with a reason for each bad one", async () => {
    const zip = await tdataZip([
      { dcId: 2, authKey: keys[0]!, userId: 1 },
      { dcId: 2, authKey: keys[1]!, userId: 2 },
    ]);
    const items = await prepareItems(
      [{ data: "garbage", labels: ["a"] }],
      [
        { name: "list.txt", bytes: Buffer.from("\nnot a session\n\n1AAAA\n") },
        { name: "desktop.zip", bytes: zip },
        { name: "photo.png", bytes: Buffer.from("\x89PNG") },
      ],
      { labels: ["files"], knownDcIds },
    );
    expect(items.map((i) => [i.index, i.name, i.parsed?.format ?? i.error])).toEqual([
      [0, undefined, "Not a session string of any supported format."],
      [1, "list.txt:2", "Not a session string of any supported format."],
      [2, "list.txt:4", expect.stringMatching(/./)],
      [3, "desktop.zip #1", "tdata"],
      [4, "desktop.zip #2", "tdata"],
      [5, "photo.png", "Not a .session, .txt or tdata .zip file."],
    ]);
    expect(items[0]?.labels).toEqual(["a"]);
    expect(items[3]?.labels).toEqual(["files"]);
  });

  it("refuses more than the limit, counting the lines of files", async () => {
    const lines = Buffer.from(Array.from({ length: maxImportItems + 1 }, () => "x").join("\n"));
    await expect(prepareItems([], [{ name: "many.txt", bytes: lines }], { knownDcIds })).rejects.toThrow(
      TooManyItemsError,
    );
    const atLimit = Buffer.from(Array.from({ length: maxImportItems }, () => "x").join("\n"));
    expect(await prepareItems([], [{ name: "many.txt", bytes: atLimit }], { knownDcIds })).toHaveLength(maxImportItems);
  });
});
