import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectionManager } from "@/lib/telegram/connection/manager";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { healthConfig } from "./config";
import { HealthMonitor } from "./monitor";
import { sessionRow, seedMintedSessions, sandboxPhone } from "@/tests/support/sandbox-sessions";
import { shortDeadlines, startConsoleSandbox } from "@/tests/support/sandbox";

const sandbox = await startConsoleSandbox(shortDeadlines);

describe("sessions seeded from minted sandbox authorizations", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("postgres");
  });
  afterAll(() => database.close());

  it("are stored encrypted, one account each, and pass a real health check on every DC", async () => {
    const phones = [1, 2, 3, 1, 2].map((dc, i) => sandboxPhone(dc, 8000 + i));
    const ids = (await seedMintedSessions(database.db, phones, { batchSize: 2 })).map((s) => s.id);
    expect(new Set(ids).size).toBe(5);
    const rows = await Promise.all(ids.map((id) => sessionRow(database.db, id)));
    expect(rows.map((row) => row.dcId)).toEqual([1, 2, 3, 1, 2]);
    expect(phones.map((phone) => sandbox.authorizations(phone).length)).toEqual([1, 1, 1, 1, 1]);

    const monitor = new HealthMonitor(
      database.db,
      new ConnectionManager({ idleMs: 0 }),
      healthConfig({ concurrency: 4 }),
    );
    expect(await monitor.sweepOnce()).toMatchObject({ checked: 5, errors: 0 });
    const checked = await Promise.all(ids.map((id) => sessionRow(database.db, id)));
    expect(checked.map((row) => row.status)).toEqual(["active", "active", "active", "active", "active"]);
    const requests = phones.flatMap((phone) => sandbox.log(phone));
    expect(requests.length).toBeGreaterThanOrEqual(5);
    expect(requests.filter((entry) => entry.result !== "ok")).toEqual([]);
  });
});
