import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { telegramSessions } from "@/db/schema";
import { seedOne } from "@/tests/support/sandbox-sessions";
import { shortDeadlines, startConsoleSandbox } from "@/tests/support/sandbox";
import { callRoute } from "@/tests/support/call-route";
import { memberWithToken, useTestDb } from "@/tests/support/route-database";
import { createTestDatabase, allDrivers, type TestDatabase } from "@/tests/support/database";
import { GET } from "./route";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const sandbox = await startConsoleSandbox({ ...shortDeadlines, TELEGRAM_IDLE_SECONDS: "0" });

describe.each(allDrivers)("device list route on %s", (driver) => {
  let database: TestDatabase;
  let token: string;
  let session: { id: string; phone: string };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    useTestDb(database.db);
    token = (await memberWithToken(database.db, "viewer@example.com", "viewer")).token;
    session = await seedOne(database.db);
  });
  afterAll(() => database.close());

  const get = (id = session.id) => callRoute(GET, "GET", { token, params: { id } });

  it("lets a viewer read the account's devices from Telegram, this session first", async () => {
    const { status, body } = await get();
    expect(status).toBe(200);
    expect(body.items[0]).toMatchObject({
      current: true,
      foreign: false,
      consoleSessionId: session.id,
      hash: expect.stringMatching(/^-?\d+$/),
      device: expect.any(String),
    });
    expect(body.items).toHaveLength(sandbox.authorizations(session.phone).length);
    expect(body.ttlDays).toBeGreaterThan(0);
  });

  it("answers 429 with Retry-After during a flood wait, 409 while another process holds the session, 404 for none", async () => {
    sandbox.addFault({ method: "account.getAuthorizations", error: "FLOOD_WAIT_120", code: 420, phone: session.phone });
    const flooded = await get();
    expect(flooded.status).toBe(429);
    expect(Number(flooded.headers.get("retry-after"))).toBeGreaterThan(100);

    const busy = (await seedOne(database.db)).id;
    await database.db
      .update(telegramSessions)
      .set({ leaseOwner: "another-process", leaseUntil: new Date(Date.now() + 60_000) })
      .where(eq(telegramSessions.id, busy));
    expect((await get(busy)).status).toBe(409);
    expect((await get("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await callRoute(GET, "GET", { params: { id: session.id } })).status).toBe(401);
  });
});
