import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as settings from "@/app/api/v1/settings/rotation/route";
import { telegramSessions } from "@/db/schema";
import { callRoute } from "@/tests/support/call-route";
import { routeTestDatabase } from "@/tests/support/route-database";
import { connectionManager } from "@/lib/telegram/connection/manager";
import { loadKeyRing } from "@/lib/vault";
import { allDrivers, type TestDatabase } from "@/tests/support/database";
import { startConsoleSandbox, testPhones } from "@/tests/support/sandbox";
import { loggedInSession } from "@/tests/rotation/session-routes";
import { applyRotationPolicy } from "./policy";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

await startConsoleSandbox({ TELEGRAM_IDLE_SECONDS: "0" });
const nextPhone = testPhones(9000);

describe.each(allDrivers)("rotation policy on %s", (driver) => {
  let database: TestDatabase;
  let admin: string;
  let viewer: string;

  beforeAll(async () => ({ database, admin, viewer } = await routeTestDatabase(driver)));
  afterAll(() => database.close());

  const policy = (token: string, body?: unknown) =>
    body === undefined
      ? callRoute(settings.GET, "GET", { token })
      : callRoute(settings.PATCH, "PATCH", { token, body });
  const apply = () => applyRotationPolicy({ db: database.db, ring: loadKeyRing(), manager: connectionManager() });
  const age = (id: string, days: number) =>
    database.db
      .update(telegramSessions)
      .set({ createdAt: sql`now() - make_interval(days => ${days})` })
      .where(eq(telegramSessions.id, id));

  it("is off by default, admins only, and validated", async () => {
    expect(await policy(admin)).toMatchObject({
      status: 200,
      body: { enabled: false, maxAgeDays: 30, maxConcurrent: 2 },
    });
    expect((await policy(viewer)).status).toBe(403);
    expect((await policy(viewer, { enabled: true })).status).toBe(403);
    expect(await policy(admin, { maxAgeDays: 0 })).toMatchObject({
      status: 400,
      body: { error: { fields: { maxAgeDays: "At least 1 day." } } },
    });
  });

  it("rotates old sessions, at most K at a time, never one in a flood wait", async () => {
    const [old1, old2, old3, flooded, young] = [
      await loggedInSession(admin, nextPhone()),
      await loggedInSession(admin, nextPhone()),
      await loggedInSession(admin, nextPhone()),
      await loggedInSession(admin, nextPhone()),
      await loggedInSession(admin, nextPhone()),
    ];
    for (const id of [old1, old2, old3, flooded]) await age(id, 40);
    await database.db
      .update(telegramSessions)
      .set({ floodWaitUntil: new Date(Date.now() + 3_600_000) })
      .where(eq(telegramSessions.id, flooded));
    expect(await apply()).toBe(0);
    expect(await policy(admin, { enabled: true, maxAgeDays: 30, maxConcurrent: 2 })).toMatchObject({
      status: 200,
      body: { enabled: true },
    });
    expect(await apply()).toBe(2);
    expect(await apply()).toBe(1);
    expect(await apply()).toBe(0);
    const rows = await database.db.query.telegramSessions.findMany({
      columns: { id: true, status: true, rotatedFromId: true },
    });
    const status = (id: string) => rows.find((r) => r.id === id)?.status;
    expect([old1, old2, old3].map(status)).toEqual(["revoked", "revoked", "revoked"]);
    expect([flooded, young].map(status)).toEqual(["active", "active"]);
    expect(rows.filter((r) => r.rotatedFromId && [old1, old2, old3].includes(r.rotatedFromId))).toHaveLength(3);
    await policy(admin, { enabled: false });
  }, 60_000);
});
