import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { monitorHeartbeats } from "@/db/schema";
import { testDbModule, useTestDb } from "@/tests/support/route-database";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { GET } from "./route";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

describe("healthz", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    useTestDb(database.db);
  });
  afterAll(() => database.close());

  it("answers 200 when the database answers, with whether a health monitor beats", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "ok", monitor: "off" });
    await database.db.insert(monitorHeartbeats).values({ owner: "worker-1", host: "h", pid: 1 });
    expect(await (await GET()).json()).toMatchObject({ monitor: "alive" });
    await database.db
      .update(monitorHeartbeats)
      .set({ beatAt: sql`now() - interval '10 minutes'` })
      .where(sql`true`);
    const stale = await GET();
    expect(stale.status).toBe(200);
    expect(await stale.json()).toMatchObject({ monitor: "stale" });
  });

  it("answers 503 when it does not", async () => {
    testDbModule.getDb.mockRejectedValueOnce(
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    );
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", database: "unreachable" });
  });
});
