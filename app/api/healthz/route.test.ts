import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testDbModule, useTestDb } from "@/lib/api/test-database";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { GET } from "./route";

vi.mock("@/db", async () => (await import("@/lib/api/test-database")).testDbModule);

describe("healthz", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    useTestDb(database.db);
  });
  afterAll(() => database.close());

  it("answers 200 when the database answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 503 when it does not", async () => {
    testDbModule.getDb.mockRejectedValueOnce(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", database: "unreachable" });
  });
});
