import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { decodeSessionCursor } from "./session-cursor";
import { seedSessions } from "@/tests/support/session-rows";
import { findSessionDetail, listSessions, type SessionListFilter } from "./sessions";
import { withStatementLog } from "@/tests/support/statement-log";

const now = Date.now();
const at = (minutes: number) => new Date(now + minutes * 60_000);

describe.each(testDrivers)("sessions list query on %s", (driver) => {
  let database: TestDatabase;
  let ids: Record<"alice" | "bob" | "carol" | "dave" | "eve", string>;

  const names = async (filter: Partial<SessionListFilter>, db = database.db) => {
    const page = await listSessions(db, { sort: "created", order: "desc", limit: 50, ...filter });
    return page.rows.map((row) => row.account.firstName);
  };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    const [alice, bob, carol, dave, eve] = await seedSessions(database.db, [
      {
        status: "active",
        createdAt: at(-300),
        lastUsedAt: at(-60),
        lastLatencyMs: 120,
        expiresAt: at(60 * 24 * 30),
        account: { firstName: "Alice", lastName: "Smith", username: "alice", phoneMasked: "+99966•••11" },
      },
      {
        status: "degraded",
        createdAt: at(-200),
        lastLatencyMs: 900,
        expiresAt: at(60 * 24 * 3),
        floodWaitUntil: at(10),
        account: { firstName: "Bob", lastName: "Jones", phoneMasked: "+99967•••22" },
      },
      {
        status: "invalid",
        createdAt: at(-100),
        decryptFailed: true,
        account: { firstName: "Carol", username: "carol_x" },
      },
      { status: "revoked", createdAt: at(-400), lastUsedAt: at(-500), account: { firstName: "Dave" } },
      {
        status: "active",
        createdAt: at(-500),
        lastLatencyMs: 120,
        account: { firstName: "100%_off", username: "pct", telegramUserId: 777n },
      },
    ]);
    ids = { alice: alice!, bob: bob!, carol: carol!, dave: dave!, eve: eve! };
  });
  afterAll(() => database.close());

  it("sorts newest first by default and filters by states", async () => {
    expect(await names({})).toEqual(["Carol", "Bob", "Alice", "Dave", "100%_off"]);
    expect(await names({ statuses: ["degraded", "invalid"] })).toEqual(["Carol", "Bob"]);
    expect((await names({ sort: "status", order: "asc" })).slice(2)).toEqual(["Bob", "Carol", "Dave"]);
  });

  it("searches name, username, masked phone and the exact Telegram user id, with wildcards taken literally", async () => {
    expect(await names({ q: "smith" })).toEqual(["Alice"]);
    expect(await names({ q: "alice smith" })).toEqual(["Alice"]);
    expect(await names({ q: "@carol" })).toEqual(["Carol"]);
    expect(await names({ q: "99967" })).toEqual(["Bob"]);
    expect(await names({ q: "777" })).toEqual(["100%_off"]);
    expect(await names({ q: "%" })).toEqual(["100%_off"]);
    expect(await names({ q: "_" })).toEqual(["Carol", "100%_off"]);
    expect(await names({ q: "99999999999999999999" })).toEqual([]);
  });

  it("puts missing values last in both directions and breaks ties by id", async () => {
    const tied = [ids.alice, ids.eve].sort();
    const asc = await listSessions(database.db, { sort: "latency", order: "asc", limit: 50 });
    expect(asc.rows.slice(0, 3).map((r) => r.id)).toEqual([...tied, ids.bob]);
    expect(asc.rows.slice(3).map((r) => r.lastLatencyMs)).toEqual([null, null]);
    const desc = await listSessions(database.db, { sort: "latency", order: "desc", limit: 50 });
    expect(desc.rows.slice(0, 3).map((r) => r.id)).toEqual([ids.bob, ...tied.reverse()]);
    expect((await names({ sort: "lastUsed", order: "desc" })).slice(0, 2)).toEqual(["Alice", "Dave"]);
    expect((await names({ sort: "lastUsed", order: "asc" })).slice(0, 2)).toEqual(["Dave", "Alice"]);
  });

  it("pages with a cursor through values, ties and missing values without repeats or gaps", async () => {
    for (const sort of ["created", "lastUsed", "latency", "expiry", "status", "lastCheck"] as const) {
      for (const order of ["asc", "desc"] as const) {
        const whole = (await listSessions(database.db, { sort, order, limit: 50 })).rows.map((r) => r.id);
        const paged: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<typeof listSessions>> = await listSessions(database.db, {
            sort,
            order,
            limit: 2,
            cursor: cursor ? decodeSessionCursor(cursor)! : undefined,
          });
          paged.push(...page.rows.map((r) => r.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(paged, `${sort} ${order}`).toEqual(whole);
      }
    }
  });

  it("sends exactly one statement per page, whatever the filters", async () => {
    const logged = withStatementLog(database);
    const first = await listSessions(logged.db, {
      sort: "expiry",
      order: "asc",
      limit: 2,
      q: "a",
      statuses: ["active", "degraded", "invalid"],
    });
    await listSessions(logged.db, {
      sort: "expiry",
      order: "asc",
      limit: 2,
      cursor: decodeSessionCursor(first.nextCursor!)!,
    });
    expect(logged.statements).toHaveLength(2);
  });

  it("never reads the session ciphertext or the phone", async () => {
    const logged = withStatementLog(database);
    await listSessions(logged.db, { sort: "created", order: "desc", limit: 5 });
    await findSessionDetail(logged.db, ids.alice);
    expect(logged.statements.join("\n")).not.toMatch(/session_ciphertext|phone_ciphertext/);
  });

  it("finds one session with its account and successor", async () => {
    const [next] = await seedSessions(database.db, [{ rotatedFromId: ids.alice, account: { firstName: "Alice2" } }]);
    const detail = await findSessionDetail(database.db, ids.alice);
    expect(detail).toMatchObject({
      id: ids.alice,
      rotatedToId: next,
      account: { firstName: "Alice", username: "alice" },
    });
    expect(await findSessionDetail(database.db, "00000000-0000-4000-8000-000000000000")).toBeUndefined();
  });
});
