import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { encodeSessionCursor } from "@/db/queries/session-cursor";
import { seedManySessions } from "@/tests/support/session-rows";
import { useTestDb } from "@/tests/support/route-database";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { loadSessionPage } from "./load-session-page";
import { readSessionListAddress } from "./session-list-params";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const address = (query: string) => readSessionListAddress(new URLSearchParams(query));

describe("the sessions page's server-rendered list", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    useTestDb(database.db);
    await seedManySessions(database.db, 120);
  });
  afterAll(() => database.close());

  it("walks forward by the cursors in the address and back by dropping the last", async () => {
    const first = await loadSessionPage(address(""));
    if (!first.ok) throw new Error(first.failure);
    expect(first.items).toHaveLength(50);
    const second = await loadSessionPage(address(`cursor=${first.nextCursor}`));
    if (!second.ok) throw new Error(second.failure);
    expect(second.cursors).toEqual([first.nextCursor]);
    expect(second.items.map((item) => item.id)).not.toContain(first.items[0]?.id);
    const third = await loadSessionPage(address(`cursor=${first.nextCursor}&cursor=${second.nextCursor}`));
    if (!third.ok) throw new Error(third.failure);
    expect(third.items).toHaveLength(20);
    expect(third.nextCursor).toBeNull();
  });

  it("starts at page 1 for a cursor that is not from this sort or not a cursor at all", async () => {
    const first = await loadSessionPage(address(""));
    const foreign = encodeSessionCursor({
      sort: "latency",
      order: "desc",
      key: null,
      id: "00000000-0000-4000-8000-000000000000",
    });
    for (const cursor of [foreign, "not-a-cursor"]) {
      const page = await loadSessionPage(address(`cursor=${cursor}`));
      expect(page).toMatchObject({ ok: true, cursors: [], items: first.ok ? first.items : [] });
    }
  });

  it("filters as the API does and answers a database failure with a message, not an exception", async () => {
    const degraded = await loadSessionPage(address("status=degraded"));
    expect(degraded.ok && degraded.items.every((item) => item.status === "degraded")).toBe(true);
    const closed = await createTestDatabase("pglite");
    await closed.close();
    useTestDb(closed.db);
    const failed = await loadSessionPage(address(""));
    useTestDb(database.db);
    expect(failed).toEqual({ ok: false, failure: expect.any(String) });
    expect(failed.ok ? "" : failed.failure).not.toMatch(/select|telegram_sessions/i);
  });
});
