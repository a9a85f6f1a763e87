import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertChannels, alertDeliveries, alertEvents, sessionEvents } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { seedSessions } from "@/tests/support/session-rows";
import { claimDueDelivery } from "./alert-deliveries";
import { dispatchAlertEvents, insertAlertEvents, outboxAgeSeconds, recordForeignDevices } from "./alert-events";
import { recordCheckOutcome } from "./session-health";
import { rollBackRotation, insertRotation } from "./rotations";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("pglite");
});
afterAll(() => database.close());

const eventsOf = (sessionId: string) =>
  database.db.select().from(alertEvents).where(eq(alertEvents.sessionId, sessionId)).orderBy(alertEvents.id);
const rules = { cooldownSeconds: 900, giveUpSeconds: 86_400, limit: 100 };
const detail = (to: "degraded" | "active") => ({
  result: to === "active" ? ("ok" as const) : ("degraded" as const),
  from: "active" as const,
  to,
  connectMs: null,
  requestMs: null,
  at: new Date().toISOString(),
  method: "m",
});

describe("the outbox", () => {
  it("writes a check's alerts with its outcome, and none when the change rolls back or does not apply", async () => {
    const [id] = await seedSessions(database.db, [{}]);
    const alerts = [{ kind: "session.degraded" as const, details: { errorCode: "NETWORK" } }];
    await expect(
      database.db.transaction(async (tx) => {
        await recordCheckOutcome(
          tx,
          id!,
          { status: "degraded" },
          { detail: detail("degraded"), latencyMs: null, alerts },
        );
        throw new Error("the caller fails after the write");
      }),
    ).rejects.toThrow("the caller fails");
    expect(await eventsOf(id!)).toEqual([]);
    expect(
      await recordCheckOutcome(
        database.db,
        id!,
        { status: "degraded" },
        { detail: detail("degraded"), latencyMs: null, alerts },
      ),
    ).toBe(true);
    expect((await eventsOf(id!)).map((e) => [e.kind, e.details])).toEqual([
      ["session.degraded", { errorCode: "NETWORK" }],
    ]);
    const [revoked] = await seedSessions(database.db, [{ status: "revoked" }]);
    expect(
      await recordCheckOutcome(
        database.db,
        revoked!,
        { status: "degraded" },
        { detail: detail("degraded"), latencyMs: null, alerts },
      ),
    ).toBe(false);
    expect(await eventsOf(revoked!)).toEqual([]);
    expect(await database.db.select().from(sessionEvents).where(eq(sessionEvents.sessionId, revoked!))).toEqual([]);
  });

  it("raises rotation.failed when a rotation rolls back, but not when its session is being revoked", async () => {
    const [id] = await seedSessions(database.db, [{}]);
    const opened = { actorId: null, actorLabel: "system", trigger: "policy" as const, lockSeconds: 60 };
    const failed = await insertRotation(database.db, id!, opened);
    await rollBackRotation(database.db, failed.id, "PASSWORD_REQUIRED");
    const revoked = await insertRotation(database.db, id!, opened);
    await rollBackRotation(database.db, revoked.id, "REVOKED");
    expect((await eventsOf(id!)).map((e) => e.details)).toEqual([
      { rotationId: failed.id, reason: "PASSWORD_REQUIRED", trigger: "policy" },
    ]);
  });

  it("raises device.foreign once per device of an account", async () => {
    const [id] = await seedSessions(database.db, [{}]);
    const account = (await database.db.query.telegramSessions.findFirst({ where: (s, { eq: is }) => is(s.id, id!) }))!
      .accountId;
    const phone = { hash: "123", deviceModel: "Pixel 8", ip: "203.0.113.9" };
    expect(await recordForeignDevices(database.db, id!, account, [phone])).toBe(1);
    expect(await recordForeignDevices(database.db, id!, account, [phone, { hash: "456", deviceModel: "iPad" }])).toBe(
      1,
    );
    expect((await eventsOf(id!)).map((e) => e.details)).toEqual([
      { accountId: account, hash: "123", deviceModel: "Pixel 8", ip: "203.0.113.9" },
      { accountId: account, hash: "456", deviceModel: "iPad" },
    ]);
  });

  it("fans out to subscribed, unpaused channels; folds a flapping session into a count after the cooldown", async () => {
    await database.db.delete(alertEvents).where(eq(alertEvents.suppressed, false));
    const channel = (name: string, events: string[], paused = false) => ({
      name,
      kind: "webhook" as const,
      targetCiphertext: "x",
      targetMasked: "https://example.com",
      events: events as never,
      paused,
    });
    const [degradedOnly, both, paused] = await database.db
      .insert(alertChannels)
      .values([
        channel("a", ["session.degraded"]),
        channel("b", ["session.degraded", "session.recovered"]),
        channel("c", ["session.degraded"], true),
      ])
      .returning();
    const [id] = await seedSessions(database.db, [{}]);
    for (const kind of [
      "session.degraded",
      "session.recovered",
      "session.degraded",
      "session.recovered",
      "session.degraded",
    ] as const)
      await insertAlertEvents(database.db, id!, [{ kind, details: {} }]);
    expect(await outboxAgeSeconds(database.db)).toBeGreaterThanOrEqual(0);
    expect(await dispatchAlertEvents(database.db, rules)).toEqual({ fannedOut: 2, suppressed: 3, deliveries: 3 });
    expect(await outboxAgeSeconds(database.db)).toBe(0);
    const deliveries = await database.db.select().from(alertDeliveries);
    expect(deliveries.filter((d) => d.channelId === degradedOnly!.id)).toHaveLength(1);
    expect(deliveries.filter((d) => d.channelId === both!.id)).toHaveLength(2);
    expect(deliveries.filter((d) => d.channelId === paused!.id)).toHaveLength(0);
    // After the cooldown the next one goes, counting the two folded meanwhile.
    await insertAlertEvents(database.db, id!, [{ kind: "session.degraded", details: {} }]);
    expect(await dispatchAlertEvents(database.db, { ...rules, cooldownSeconds: 0 })).toMatchObject({ fannedOut: 1 });
    const last = (await eventsOf(id!)).at(-1)!;
    expect(last).toMatchObject({ suppressed: false, collapsedCount: 2 });
  });

  it("lets a sender claim at most the per-channel limit of one channel's deliveries at once, in event order per session", async () => {
    await database.db.update(alertDeliveries).set({ status: "delivered" }).where(eq(alertDeliveries.status, "pending"));
    const [busy, quiet] = await database.db
      .insert(alertChannels)
      .values(
        ["busy", "quiet"].map((name) => ({
          name,
          kind: "webhook" as const,
          targetCiphertext: "x",
          targetMasked: "https://example.com",
          events: ["monitor.stale" as const],
        })),
      )
      .returning();
    const sessions = await seedSessions(database.db, [{}, {}, {}]);
    const due = async (channelId: string, sessionId: string) => {
      const [event] = await database.db
        .insert(alertEvents)
        .values({ kind: "monitor.stale", sessionId, details: {}, dispatchedAt: new Date() })
        .returning();
      await database.db
        .insert(alertDeliveries)
        .values({ eventId: event!.id, channelId, sessionId, giveUpAt: new Date(Date.now() + 60_000) });
    };
    for (const sessionId of sessions) await due(busy!.id, sessionId);
    await due(busy!.id, sessions[0]!);
    await due(quiet!.id, sessions[0]!);
    const claimed: string[] = [];
    for (let i = 0; i < 5; i++) {
      const delivery = await claimDueDelivery(database.db, 60, 2);
      if (delivery) claimed.push(delivery.channel.name);
    }
    // Two of busy's four in flight at once; the quiet channel is not held up by it.
    expect(claimed.sort()).toEqual(["busy", "busy", "quiet"]);
  });

  it("fans an event out to a channel with labels only when its session has one of them", async () => {
    await database.db.update(alertChannels).set({ paused: true }).where(eq(alertChannels.paused, false));
    const [labelled, everyone] = await database.db
      .insert(alertChannels)
      .values(
        [["prod", "eu"], []].map((labels, i) => ({
          name: `labels ${i}`,
          kind: "webhook" as const,
          targetCiphertext: "x",
          targetMasked: "https://example.com",
          events: ["session.degraded" as const],
          labels,
        })),
      )
      .returning();
    const [prod, staging, none] = await seedSessions(database.db, [{ labels: ["prod"] }, { labels: ["staging"] }, {}]);
    for (const id of [prod!, staging!, none!])
      await insertAlertEvents(database.db, id, [{ kind: "session.degraded", details: {} }]);
    await dispatchAlertEvents(database.db, { ...rules, cooldownSeconds: 0 });
    const reached = async (channelId: string) =>
      (await database.db.select().from(alertDeliveries).where(eq(alertDeliveries.channelId, channelId)))
        .map((d) => d.sessionId)
        .sort();
    expect(await reached(labelled!.id)).toEqual([prod]);
    expect(await reached(everyone!.id)).toEqual([prod, staging, none].sort());
  });
});
