import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  serializeGramjsSession,
  serializeMtkrutoSession,
  serializePyrogramSession,
  serializeTelethonSession,
} from "@mtcute/convert";
import { eq } from "drizzle-orm";
import initSqlJs from "sql.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, telegramSessions } from "@/db/schema";
import { listSessions } from "@/db/queries/sessions";
import { checkSession } from "@/lib/health/check";
import { cliActor } from "@/lib/audit";
import { importSession, type ImportOptions } from "@/lib/import/import-session";
import { parseSessionString } from "@/lib/import/parse";
import { parseSessionFile } from "@/lib/import/session-file";
import { ConnectionManager } from "@/lib/telegram/connection/manager";
import { authKeyIdOf } from "@/lib/telegram/login/store-session";
import { loadKeyRing } from "@/lib/vault";
import type { MintedAuthorization } from "@/sandbox/control/views";
import { mintedSessionString } from "@/sandbox/minted-session";
import { routeTestDatabase } from "@/tests/support/route-database";
import type { TestDatabase } from "@/tests/support/database";
import { startConsoleSandbox, testPhones } from "@/tests/support/sandbox";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const sandbox = await startConsoleSandbox({ TELEGRAM_CONNECT_ATTEMPTS: "1" });
const nextPhone = testPhones(7100);

/** Every key and string this file hands to the import, for the leak check at the end. */
const secretsSeen: string[] = [];

async function mint(phone: string): Promise<MintedAuthorization> {
  const response = await fetch(new URL(`/accounts/${phone}/authorizations`, sandbox.info.control), { method: "POST" });
  const [minted] = (await response.json()) as MintedAuthorization[];
  secretsSeen.push(minted!.authKey, key(minted!).toString("base64").slice(0, 40));
  return minted!;
}

function parse(text: string) {
  secretsSeen.push(text.slice(0, 60));
  return parseSessionString(text);
}

/** Debian's Telethon logs `phone` in and saves its session as a string and as a .session file. */
function telethonSession(phone: string): Promise<{ string: string; file: Uint8Array }> {
  const dir = mkdtempSync(path.join(tmpdir(), "telethon-"));
  const file = path.join(dir, "account.session");
  const script = fileURLToPath(new URL("./telethon-session.py", import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn("/usr/bin/python3", ["-P", script], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("close", (code) => {
      try {
        if (code !== 0) throw new Error(`telethon exited ${code}: ${err}`);
        resolve({ string: (JSON.parse(out) as { string: string }).string, file: readFileSync(file) });
      } catch (error) {
        reject(error);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
    child.stdin.end(JSON.stringify({ info: sandbox.info, phone, file }));
  });
}

async function pyrogramFile(minted: MintedAuthorization): Promise<Uint8Array> {
  const db = new (await initSqlJs()).Database();
  db.run(
    "create table sessions (dc_id integer primary key, api_id integer, test_mode integer, auth_key blob, date integer not null, user_id integer, is_bot integer)",
  );
  db.run("insert into sessions values (?, 94575, 0, ?, 0, ?, 0)", [
    minted.dcId,
    Buffer.from(minted.authKey, "hex"),
    Number(minted.userId),
  ]);
  const bytes = db.export();
  db.close();
  return bytes;
}

/** Every string format, written by @mtcute/convert from a sandbox-minted authorization. */
const writers: Record<string, (m: MintedAuthorization) => string> = {
  gramjs: (m) => mintedSessionString(m),
  gramjs_mtcute: (m) =>
    serializeGramjsSession({ dcId: m.dcId, ipAddress: "149.154.167.41", ipv6: false, port: 443, authKey: key(m) }),
  telethon: (m) =>
    serializeTelethonSession({ dcId: m.dcId, ipAddress: "10.9.8.7", ipv6: false, port: 443, authKey: key(m) }),
  pyrogram: (m) =>
    serializePyrogramSession({
      dcId: m.dcId,
      apiId: 94575,
      isTest: false,
      authKey: key(m),
      userId: Number(m.userId),
      isBot: false,
    }),
  mtkruto: (m) => serializeMtkrutoSession({ dcId: m.dcId, isTest: false, authKey: key(m) }),
};
const key = (m: MintedAuthorization) => Buffer.from(m.authKey, "hex");

describe("importing sessions against the sandbox", () => {
  let database: TestDatabase;
  const manager = new ConnectionManager();
  const deps = () => ({ db: database.db, ring: loadKeyRing(), manager, actor: cliActor });
  const taken: ImportOptions = { labels: ["imported"], rotate: true };
  const shared: ImportOptions = { labels: [], rotate: false };
  const active = (phone: string) => sandbox.authorizations(phone).filter((a) => a.state === "active");
  const row = (id: string) => database.db.query.telegramSessions.findFirst({ where: eq(telegramSessions.id, id) });

  beforeAll(async () => ({ database } = await routeTestDatabase("postgres")));
  afterAll(async () => {
    await manager.closeAll();
    await database.close();
  });

  const alertsOf = async (sessionId: string) =>
    (
      await database.db.query.alertEvents.findMany({
        where: (e, { eq }) => eq(e.sessionId, sessionId),
        orderBy: (e) => e.id,
      })
    ).map((e) => [e.kind, e.details]);

  it.each(Object.keys(writers))(
    "imports a %s string and takes it over: the sandbox then shows one authorization, the console's",
    async (format) => {
      const phone = nextPhone();
      const minted = await mint(phone);
      const parsed = parse(writers[format]!(minted));
      const outcome = await importSession(deps(), parsed, taken);
      expect(outcome).toMatchObject({ status: "imported", takeover: "rotated", dcId: 2 });
      const [authorization] = active(phone);
      expect(active(phone)).toHaveLength(1);
      expect(authorization?.id).not.toBe(minted.id);
      expect(authorization?.device.model).toBe("Telegram Session Console");
      const kept = await row(outcome.sessionId!);
      expect(kept).toMatchObject({ status: "active", sharedKey: false, labels: ["imported"] });
      expect(await alertsOf(outcome.sessionId!)).toEqual([]);
      expect((await checkSession(database.db, outcome.sessionId!, { manager })).result).toBe("ok");
    },
  );

  it("imports Telethon's own StringSession and .session file, and a Pyrogram .session file", async () => {
    const fromString = await telethonSession(nextPhone());
    const fromFile = await telethonSession(nextPhone());
    const pyrogram = await mint(nextPhone());
    const items = [
      parse(fromString.string),
      ...(await parseSessionFile(fromFile.file)),
      ...(await parseSessionFile(await pyrogramFile(pyrogram))),
    ];
    expect(items.map((item) => item.format)).toEqual(["telethon", "telethon_file", "pyrogram_file"]);
    for (const item of items)
      expect(await importSession(deps(), item, taken)).toMatchObject({ status: "imported", takeover: "rotated" });
  }, 60_000);

  it("without take-over keeps the key marked shared; the same key or user again is a duplicate naming the session", async () => {
    const phone = nextPhone();
    const minted = await mint(phone);
    const first = await importSession(deps(), parse(writers.telethon!(minted)), shared);
    expect(first).toMatchObject({ status: "imported", takeover: "shared" });
    expect(await row(first.sessionId!)).toMatchObject({ sharedKey: true, authKeyId: authKeyIdOf(key(minted)) });
    expect(active(phone)).toHaveLength(1);
    expect(await alertsOf(first.sessionId!)).toEqual([["key.shared", { reason: "Imported without a take-over." }]]);

    const again = await importSession(deps(), parse(writers.mtkruto!(minted)), shared);
    expect(again).toMatchObject({ status: "duplicate", sessionId: first.sessionId });
    const sameUser = await importSession(deps(), parse(writers.gramjs!(await mint(phone))), shared);
    expect(sameUser).toMatchObject({ status: "duplicate", sessionId: first.sessionId });
  });

  it("reports a logged-out key dead, a failing DC unreachable, and stores neither", async () => {
    const phone = nextPhone();
    const minted = await mint(phone);
    sandbox.revokeAuthorization(minted.id);
    expect(await importSession(deps(), parse(writers.pyrogram!(minted)), taken)).toMatchObject({
      status: "dead",
      error: expect.stringMatching(/AUTH_KEY_UNREGISTERED|SESSION_REVOKED/),
    });
    const other = nextPhone();
    const live = await mint(other);
    sandbox.addFault({ method: "users.GetUsers", error: "RPC_CALL_FAIL", code: 500, times: 0, phone: other });
    try {
      expect(await importSession(deps(), parse(writers.gramjs!(live)), taken)).toMatchObject({
        status: "unreachable",
      });
    } finally {
      sandbox.clearFaults();
    }
    const ids = [authKeyIdOf(key(minted)), authKeyIdOf(key(live))];
    const stored = await database.db.query.telegramSessions.findMany({ columns: { authKeyId: true } });
    expect(stored.filter((s) => ids.includes(s.authKeyId ?? ""))).toEqual([]);
  });

  it("asks for the 2FA password to take over; the session stays marked shared", async () => {
    const phone = nextPhone();
    sandbox.createAccount({ phone, password: "import-me" });
    const outcome = await importSession(deps(), parse(writers.telethon!(await mint(phone))), taken);
    expect(outcome).toMatchObject({ status: "imported", takeover: "password_required" });
    expect(await row(outcome.sessionId!)).toMatchObject({ status: "active", sharedKey: true });
    expect(await alertsOf(outcome.sessionId!)).toEqual([
      ["key.shared", { reason: expect.stringMatching(/password to take over/) }],
    ]);
  });

  it("lists the sessions of a label", async () => {
    const page = await listSessions(database.db, { label: "imported", sort: "created", order: "desc", limit: 100 });
    expect(page.rows.filter((r) => r.status === "active").length).toBeGreaterThanOrEqual(8);
    expect(page.rows.every((r) => r.labels.includes("imported"))).toBe(true);
    const none = await listSessions(database.db, {
      label: "no-such-label",
      sort: "created",
      order: "desc",
      limit: 100,
    });
    expect(none.rows).toEqual([]);
  });

  it("audits every outcome without the key", async () => {
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.action, "session.import"));
    expect(rows.length).toBeGreaterThanOrEqual(14);
    const statuses = new Set(rows.map((r) => (r.detail as { status: string }).status));
    expect(statuses).toEqual(new Set(["imported", "duplicate", "dead", "unreachable"]));
    const text = JSON.stringify(rows);
    expect(secretsSeen.length).toBeGreaterThan(20);
    for (const secret of secretsSeen) expect(text).not.toContain(secret);
  });
});
