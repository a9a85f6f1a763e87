import { serializeMtkrutoSession, serializePyrogramSession, serializeTelethonSession } from "@mtcute/convert";
import { eq, sql } from "drizzle-orm";
import initSqlJs from "sql.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, jobItems, telegramSessions } from "@/db/schema";
import { POST as importPost } from "@/app/api/v1/sessions/import/route";
import { POST as previewPost } from "@/app/api/v1/sessions/import/preview/route";
import { GET as jobGet } from "@/app/api/v1/jobs/[id]/route";
import { GET as sessionsGet } from "@/app/api/v1/sessions/route";
import { jobHandlers } from "@/lib/background";
import { checkSession } from "@/lib/health/check";
import { importItemHandler } from "@/lib/import/job";
import { runJobItems } from "@/lib/jobs/runner";
import { connectionManager } from "@/lib/telegram/connection/manager";
import { authKeyIdOf } from "@/lib/telegram/login/store-session";
import { loadKeyRing } from "@/lib/vault";
import type { MintedAuthorization } from "@/sandbox/control/views";
import { mintedSessionString } from "@/sandbox/minted-session";
import { callRoute } from "@/tests/support/call-route";
import { routeTestDatabase } from "@/tests/support/route-database";
import type { TestDatabase } from "@/tests/support/database";
import { startConsoleSandbox, testPhones } from "@/tests/support/sandbox";
import { tdataZip, zipFiles } from "@/tests/support/tdata-zip";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const sandbox = await startConsoleSandbox({ TELEGRAM_CONNECT_ATTEMPTS: "1" });
const nextPhone = testPhones(7400);
const key = (m: MintedAuthorization) => Buffer.from(m.authKey, "hex");

async function mint(phone = nextPhone()): Promise<MintedAuthorization> {
  const response = await fetch(new URL(`/accounts/${phone}/authorizations`, sandbox.info.control), { method: "POST" });
  return ((await response.json()) as MintedAuthorization[])[0]!;
}
const active = (phone: string) => sandbox.authorizations(phone).filter((a) => a.state === "active");

async function telethonFile(m: MintedAuthorization): Promise<Uint8Array> {
  const db = new (await initSqlJs()).Database();
  db.run(
    "create table sessions (dc_id integer primary key, server_address text, port integer, auth_key blob, takeout_id integer)",
  );
  db.run("insert into sessions values (?, '10.0.0.1', 443, ?, null)", [m.dcId, key(m)]);
  const bytes = db.export();
  db.close();
  return bytes;
}

/** Multipart upload through the route, as a browser's FormData would send it. */
async function upload(
  token: string,
  files: { name: string; bytes: Uint8Array }[],
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  for (const file of files) form.append("files", new Blob([new Uint8Array(file.bytes)]), file.name);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const request = new Request("http://console.test/api/v1/sessions/import", {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const response = await importPost(request, { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json() };
}

describe("POST /api/v1/sessions/import, /preview and GET /api/v1/jobs/{id}", () => {
  let database: TestDatabase;
  let admin: string;
  let viewer: string;
  const manager = connectionManager();
  const runJobs = () => runJobItems(database.db, jobHandlers(database.db, manager), { leaseSeconds: 60 });
  const sessionCount = async () =>
    (await database.db.select({ n: sql<number>`count(*)::int` }).from(telegramSessions))[0]!.n;
  const job = async (id: string) => (await callRoute(jobGet, "GET", { token: admin, params: { id } })).body;

  beforeAll(async () => ({ database, admin, viewer } = await routeTestDatabase("pglite")));
  afterAll(async () => {
    await manager.closeAll();
    await database.close();
  });

  it("imports a few strings at once and takes them over; a bad one is refused with its reason", async () => {
    const [a, b] = [await mint(), await mint()];
    const reply = await callRoute(importPost, "POST", {
      token: admin,
      body: {
        items: [
          { data: mintedSessionString(a), labels: ["batch-1"] },
          { data: serializeMtkrutoSession({ dcId: b.dcId, isTest: false, authKey: key(b) }), format: "mtkruto" },
          { data: mintedSessionString(a).slice(0, 120) },
        ],
      },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.results).toEqual([
      expect.objectContaining({ index: 0, status: "imported", takeover: "rotated", format: "gramjs" }),
      expect.objectContaining({ index: 1, status: "imported", takeover: "rotated", format: "mtkruto" }),
      expect.objectContaining({
        index: 2,
        status: "invalid",
        error: expect.stringMatching(/wrong length|truncated|bytes/),
      }),
    ]);
    expect(active(a.phone)).toHaveLength(1);
    expect(active(a.phone)[0]?.id).not.toBe(a.id);
    expect(active(b.phone)).toHaveLength(1);
    const listed = await callRoute(sessionsGet, "GET", { token: viewer, query: "?label=batch-1&status=active" });
    expect(listed.body.items.map((s: { id: string }) => s.id)).toEqual([reply.body.results[0].sessionId]);
  });

  it("previews strings and files without storing or connecting: format, DC and masked user", async () => {
    const m = await mint();
    const pyrogram = serializePyrogramSession({
      dcId: 2,
      isTest: false,
      authKey: key(m),
      userId: 5_123_456_789,
      isBot: false,
    });
    const before = await sessionCount();
    const seen = sandbox.authorizations(m.phone).length;
    const reply = await callRoute(previewPost, "POST", {
      token: admin,
      body: { items: [{ data: pyrogram }, { data: "nope" }] },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.items).toEqual([
      { index: 0, format: "pyrogram", dcId: 2, userIdMasked: "51••••••89" },
      { index: 1, error: "Not a session string of any supported format." },
    ]);
    expect(JSON.stringify(reply.body)).not.toContain(m.authKey.slice(0, 16));
    expect(await sessionCount()).toBe(before);
    expect(sandbox.authorizations(m.phone)).toHaveLength(seen);
    expect(
      (await callRoute(previewPost, "POST", { token: viewer, body: { items: [{ data: pyrogram }] } })).status,
    ).toBe(403);
  });

  it("queues files as a job: .session, .txt lines and a tdata zip of two accounts, each taken over", async () => {
    const [t, l1, l2, d1, d2] = [await mint(), await mint(), await mint(), await mint(), await mint()];
    const lines = [
      serializeTelethonSession({ dcId: l1.dcId, ipAddress: "1.2.3.4", ipv6: false, port: 443, authKey: key(l1) }),
      "",
      "garbage line",
      mintedSessionString(l2),
    ].join("\n");
    const zip = await tdataZip([d1, d2].map((m) => ({ dcId: m.dcId, authKey: key(m), userId: m.userId })));
    const reply = await upload(
      admin,
      [
        { name: "bot.session", bytes: await telethonFile(t) },
        { name: "env.txt", bytes: Buffer.from(lines) },
        { name: "Telegram Desktop.zip", bytes: zip },
      ],
      { labels: "files, desktop" },
    );
    expect(reply.status).toBe(202);
    const queued = await job(reply.body.jobId);
    expect(queued).toMatchObject({ kind: "session_import", status: "queued", progress: { done: 1, total: 6 } });
    const sealed = await database.db.select().from(jobItems).where(eq(jobItems.jobId, reply.body.jobId));
    expect(JSON.stringify(sealed)).not.toContain(t.authKey.slice(0, 32));

    expect(await runJobs()).toBe(5);
    const finished = await job(reply.body.jobId);
    expect(finished).toMatchObject({ status: "done", progress: { done: 6, total: 6 } });
    expect(
      finished.results.map((r: { name: string; status: string; takeover?: string }) => [r.name, r.status, r.takeover]),
    ).toEqual([
      ["bot.session", "imported", "rotated"],
      ["env.txt:1", "imported", "rotated"],
      ["env.txt:3", "invalid", undefined],
      ["env.txt:4", "imported", "rotated"],
      ["Telegram Desktop.zip #1", "imported", "rotated"],
      ["Telegram Desktop.zip #2", "imported", "rotated"],
    ]);
    for (const m of [t, l1, l2, d1, d2]) expect(active(m.phone)).toHaveLength(1);
    const kept = finished.results.find((r: { format: string }) => r.format === "tdata");
    expect((await checkSession(database.db, kept.sessionId, { manager })).result).toBe("ok");
    const row = await database.db.query.telegramSessions.findFirst({ where: eq(telegramSessions.id, kept.sessionId) });
    expect(row?.labels).toEqual(["files", "desktop"]);
    const payloads = await database.db.select().from(jobItems).where(eq(jobItems.jobId, reply.body.jobId));
    expect(payloads.every((p) => p.payloadCiphertext === null)).toBe(true);
  }, 60_000);

  it("goes on after a crash: an item whose session was stored before the crash is taken over, not stored again", async () => {
    const m = await mint();
    const items = Array.from({ length: 11 }, (_, i) =>
      i === 0 ? { data: mintedSessionString(m) } : { data: `garbage ${i}` },
    );
    const { body } = await callRoute(importPost, "POST", { token: admin, body: { items } });
    // A first process stores the session and dies before its take-over: imported without rotation, then stopped.
    const crashing = importItemHandler({ db: database.db, ring: loadKeyRing(), manager });
    const [item] = await database.db
      .update(jobItems)
      .set({ attempts: 1, lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(jobItems.index, 0))
      .returning();
    await crashing({
      ...item!,
      kind: "session_import",
      options: { rotate: false },
      createdById: null,
      createdByLabel: "crashed",
    });
    expect(active(m.phone).map((a) => a.id)).toEqual([m.id]);
    expect(await runJobs()).toBe(1);
    const finished = await job(body.jobId);
    expect(finished.results[0]).toMatchObject({ status: "imported", takeover: "rotated" });
    expect(active(m.phone)).toHaveLength(1);
    expect(active(m.phone)[0]?.id).not.toBe(m.id);
    const stored = await database.db
      .select({ id: telegramSessions.id })
      .from(telegramSessions)
      .where(eq(telegramSessions.authKeyId, authKeyIdOf(key(m))));
    expect(stored).toHaveLength(1);
  }, 30_000);

  it("refuses bad input with a reason per item or a 4xx, stores nothing and answers no 5xx", async () => {
    const before = await sessionCount();
    const big = await upload(admin, [{ name: "big.session", bytes: Buffer.alloc(60 * 1024 * 1024, 1) }]);
    expect(big).toMatchObject({ status: 413, body: { error: { code: "payload_too_large" } } });
    const tooMany = await callRoute(importPost, "POST", {
      token: admin,
      body: { items: Array.from({ length: 501 }, () => ({ data: "x" })) },
    });
    expect(tooMany.status).toBe(400);
    const tooManyLines = await upload(admin, [{ name: "a.txt", bytes: Buffer.from("x\n".repeat(501)) }]);
    expect(tooManyLines.status).toBe(400);

    const sqlite = new (await initSqlJs()).Database();
    sqlite.run("create table accounts (id integer, key blob)");
    const wrongTables = sqlite.export();
    const bomb = zipFiles({ "tdata/key_datas": Buffer.alloc(32 * 1024 * 1024) });
    const shortKey = Buffer.concat([
      Buffer.from([2, 0, 7]),
      Buffer.from("1.2.3.4"),
      Buffer.from([1, 187]),
      Buffer.alloc(255, 7),
    ]);
    const garbage = Array.from({ length: 497 }, (_, i) => `garbage-${i}-${"A".repeat(i % 50)}`);
    garbage.push(`1${shortKey.toString("base64")}`);
    const reply = await upload(admin, [
      { name: "wrong.session", bytes: wrongTables },
      { name: "bomb.zip", bytes: bomb },
      { name: "lines.txt", bytes: Buffer.from(garbage.join("\n")) },
    ]);
    expect(reply.status).toBe(202);
    const queued = await job(reply.body.jobId);
    expect(queued).toMatchObject({ status: "done", progress: { done: 500, total: 500 } });
    expect(queued.results[0].error).toMatch(/no Telethon or Pyrogram sessions table/);
    expect(queued.results[1].error).toMatch(/zip bomb/);
    expect(queued.results[499].error).toMatch(/255 bytes/);
    expect(queued.results.every((r: { status: string }) => r.status === "invalid")).toBe(true);
    expect(await sessionCount()).toBe(before);

    for (const body of [{}, { items: [] }, { items: [{ data: 1 }] }, { items: [{ data: "x" }], extra: 1 }])
      expect((await callRoute(importPost, "POST", { token: admin, body })).status).toBe(400);
    const notJson = new Request("http://console.test/api/v1/sessions/import", {
      method: "POST",
      headers: { authorization: `Bearer ${admin}`, "content-type": "multipart/form-data; boundary=x" },
      body: "--x\r\nbroken",
    });
    expect((await importPost(notJson, { params: Promise.resolve({}) })).status).toBe(400);
    expect((await callRoute(jobGet, "GET", { token: admin, params: { id: crypto.randomUUID() } })).status).toBe(404);
  }, 60_000);

  it("audits each item without its secret", async () => {
    const rows = await database.db.select().from(auditLog);
    const perItem = rows.filter((r) => r.action === "session.import");
    expect(perItem.length).toBeGreaterThan(500);
    expect(new Set(perItem.map((r) => (r.detail as { status: string }).status))).toEqual(
      new Set(["imported", "invalid"]),
    );
    expect(rows.filter((r) => r.action === "session.import_batch").length).toBeGreaterThanOrEqual(4);
    expect(rows.some((r) => r.action === "session.import_preview" && r.outcome === "success")).toBe(false);
    expect(JSON.stringify(rows)).not.toMatch(/[0-9a-f]{64}/);
  });
});
