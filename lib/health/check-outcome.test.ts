import { describe, expect, it } from "vitest";
import type { CheckTarget } from "@/db/queries/session-health";
import { backoffMs } from "@/lib/telegram/connection/backoff";
import type { HealthConfig } from "./config";
import { decide, type ProbeOutcome } from "./check";

const config: HealthConfig = {
  intervalSeconds: 300,
  retryBaseSeconds: 30,
  ttlRefreshHours: 24,
  concurrency: 4,
  pollSeconds: 15,
  reconcileMinutes: 30,
  expiringDays: 7,
};
const now = new Date("2026-01-01T00:00:00Z");
const session = (over: Partial<CheckTarget> = {}): CheckTarget => ({
  id: "s",
  accountId: "a",
  status: "active",
  authFailures: 0,
  authorizationTtlDays: null,
  ttlCheckedAt: null,
  decryptFailed: false,
  expiresAt: null,
  devicesReconciledAt: null,
  ...over,
});
const inSeconds = (date: Date | null | undefined) => ((date?.getTime() ?? 0) - now.getTime()) / 1000;

describe("the check state machine", () => {
  it("a banned or deleted account is a dead status of its own, worded apart from a refused key", () => {
    for (const [code, status] of [
      ["USER_DEACTIVATED_BAN", "banned"],
      ["USER_DEACTIVATED", "deactivated"],
      ["SESSION_REVOKED", "invalid"],
    ] as const) {
      const d = decide(session(), { kind: "failed", errorClass: "terminal", code, connectMs: 3 }, "m", now, config);
      expect(d.patch).toMatchObject({ status, lastError: code });
      expect(d.detail).toMatchObject({ result: "invalid", to: status, errorCode: code });
    }
  });

  it("a frozen account is frozen with its dates and appeal link, checked at the normal interval", () => {
    const freeze = {
      since: new Date("2025-12-30T00:00:00Z"),
      until: new Date("2026-01-29T00:00:00Z"),
      appealUrl: "https://t.me/SpamBot",
    };
    const restrictions = [{ platform: "all", reason: "spam", text: "Spam reports" }];
    const d = decide(session(), { kind: "ok", connectMs: 5, requestMs: 7, freeze, restrictions }, "m", now, config);
    expect(d.result).toBe("frozen");
    expect(d.patch).toMatchObject({
      status: "frozen",
      frozenSince: freeze.since,
      frozenUntil: freeze.until,
      freezeAppealUrl: "https://t.me/SpamBot",
      restrictions,
      authFailures: 0,
    });
    expect(inSeconds(d.patch.nextCheckAt)).toBeGreaterThanOrEqual(270);
    expect(inSeconds(d.patch.nextCheckAt)).toBeLessThanOrEqual(330);
    const thawed = decide(
      session({ status: "frozen" }),
      { kind: "ok", connectMs: 5, requestMs: 7, restrictions: [] },
      "m",
      now,
      config,
    );
    expect(thawed.patch).toMatchObject({
      status: "active",
      frozenSince: null,
      freezeAppealUrl: null,
      restrictions: null,
    });
  });

  it("only a terminal answer makes a session invalid, with the evidence", () => {
    const d = decide(
      session(),
      { kind: "failed", errorClass: "terminal", code: "AUTH_KEY_UNREGISTERED", connectMs: 12 },
      "users.GetUsers",
      now,
      config,
    );
    expect(d.result).toBe("invalid");
    expect(d.patch).toMatchObject({ status: "invalid", lastError: "AUTH_KEY_UNREGISTERED", authFailures: 1 });
    expect(d.detail).toMatchObject({
      from: "active",
      to: "invalid",
      errorClass: "terminal",
      errorCode: "AUTH_KEY_UNREGISTERED",
      at: now.toISOString(),
    });
  });

  it("network trouble and other refusals degrade, retried sooner with growing backoff capped at the interval", () => {
    for (const errorClass of ["transient", "refused"] as const) {
      const d = decide(session(), { kind: "failed", errorClass, code: "TIMEOUT", connectMs: null }, "m", now, config);
      expect(d.patch.status).toBe("degraded");
      expect(inSeconds(d.patch.nextCheckAt)).toBeGreaterThanOrEqual(15);
      expect(inSeconds(d.patch.nextCheckAt)).toBeLessThanOrEqual(30);
    }
    const late = decide(
      session({ status: "degraded", authFailures: 9 }),
      { kind: "failed", errorClass: "transient", code: "NETWORK", connectMs: null },
      "m",
      now,
      config,
    );
    expect(inSeconds(late.patch.nextCheckAt)).toBeLessThanOrEqual(300);
  });

  it("success makes a session active, resets failures and forecasts expiry from the TTL", () => {
    const d = decide(
      session({ status: "degraded", authFailures: 3 }),
      { kind: "ok", connectMs: 5, requestMs: 7, ttlDays: 180, restrictions: [] },
      "m",
      now,
      config,
    );
    expect(d.patch).toMatchObject({
      status: "active",
      authFailures: 0,
      lastError: null,
      lastLatencyMs: 7,
      authorizationTtlDays: 180,
      ttlCheckedAt: now,
    });
    expect(inSeconds(d.patch.expiresAt)).toBe(180 * 86_400);
    expect(inSeconds(d.patch.nextCheckAt)).toBeGreaterThanOrEqual(270);
    expect(inSeconds(d.patch.nextCheckAt)).toBeLessThanOrEqual(330);
    expect(d.detail).toMatchObject({ from: "degraded", to: "active" });
  });

  it("a flood wait keeps the status and moves the next check past the wait", () => {
    const until = new Date(now.getTime() + 600_000);
    const d = decide(session(), { kind: "flood", method: "users.GetUsers", until }, "users.GetUsers", now, config);
    expect(d.result).toBe("flood_wait");
    expect(d.patch.status).toBeUndefined();
    expect(d.patch.nextCheckAt?.getTime()).toBeGreaterThan(until.getTime());
  });
});

describe("an unreadable session", () => {
  it("is flagged and checked again later, its state kept", () => {
    const d = decide(session({ status: "degraded", authFailures: 2 }), { kind: "unreadable" }, "m", now, config);
    expect(d.result).toBe("error");
    expect(d.patch).toMatchObject({ decryptFailed: true, lastError: "DECRYPT_FAILED" });
    expect(d.patch.status).toBeUndefined();
    expect(d.patch.authFailures).toBeUndefined();
  });
});

describe("backoff", () => {
  it("doubles per attempt within [cap/2, cap] and never passes the maximum", () => {
    expect([0, 1, 2, 3].map((attempt) => backoffMs(attempt, 100, 1_000, () => 1))).toEqual([100, 200, 400, 800]);
    expect(backoffMs(10, 100, 1_000, () => 0)).toBe(500);
    expect(backoffMs(10, 100, 1_000, () => 1)).toBe(1_000);
  });
});

describe("the alerts a check raises", () => {
  const kinds = (d: { alerts: { kind: string }[] }) => d.alerts.map((a) => a.kind);
  const failed = (errorClass: "terminal" | "transient", code: string) =>
    ({ kind: "failed", errorClass, code, connectMs: null }) as const;
  const ok: ProbeOutcome = { kind: "ok", connectMs: 1, requestMs: 1, restrictions: [] };

  it("only on a change: degraded once, invalid with its evidence, recovered once", () => {
    expect(kinds(decide(session(), failed("transient", "NETWORK"), "m", now, config))).toEqual(["session.degraded"]);
    expect(kinds(decide(session({ status: "degraded" }), failed("transient", "NETWORK"), "m", now, config))).toEqual(
      [],
    );
    const invalid = decide(session(), failed("terminal", "AUTH_KEY_UNREGISTERED"), "users.GetUsers", now, config);
    expect(invalid.alerts).toEqual([
      {
        kind: "session.invalid",
        details: {
          errorCode: "AUTH_KEY_UNREGISTERED",
          errorClass: "terminal",
          method: "users.GetUsers",
          at: now.toISOString(),
        },
      },
    ]);
    expect(kinds(decide(session({ status: "degraded" }), ok, "m", now, config))).toEqual(["session.recovered"]);
    expect(kinds(decide(session(), ok, "m", now, config))).toEqual([]);
  });

  it("a banned or deleted account raises its own alert, and a freeze raises one when it is first seen", () => {
    expect(kinds(decide(session(), failed("terminal", "USER_DEACTIVATED_BAN"), "m", now, config))).toEqual([
      "session.banned",
    ]);
    expect(kinds(decide(session(), failed("terminal", "USER_DEACTIVATED"), "m", now, config))).toEqual([
      "session.deactivated",
    ]);
    const frozen = { ...ok, freeze: { since: now, until: null, appealUrl: null } };
    expect(kinds(decide(session(), frozen, "m", now, config))).toEqual(["session.frozen"]);
    expect(kinds(decide(session({ status: "frozen" }), frozen, "m", now, config))).toEqual([]);
    expect(kinds(decide(session({ status: "frozen" }), ok, "m", now, config))).toEqual(["session.recovered"]);
  });

  it("a key ended from another device is invalid and revoked elsewhere", () => {
    expect(kinds(decide(session(), failed("terminal", "SESSION_REVOKED"), "m", now, config))).toEqual([
      "session.invalid",
      "session.revoked_elsewhere",
    ]);
  });

  it("expiring when the forecast first comes within the window", () => {
    const ttl = (ttlDays: number) => ({ ...ok, ttlDays });
    expect(kinds(decide(session(), ttl(5), "m", now, config))).toEqual(["session.expiring"]);
    const soon = new Date(now.getTime() + 3 * 86_400_000);
    expect(kinds(decide(session({ expiresAt: soon }), ttl(5), "m", now, config))).toEqual([]);
    expect(kinds(decide(session(), ttl(30), "m", now, config))).toEqual([]);
  });

  it("undecryptable once, flood waits none (the ledger raises those)", () => {
    expect(kinds(decide(session(), { kind: "unreadable" }, "m", now, config))).toEqual(["session.undecryptable"]);
    expect(kinds(decide(session({ decryptFailed: true }), { kind: "unreadable" }, "m", now, config))).toEqual([]);
    const flood = { kind: "flood", method: "m", until: new Date(now.getTime() + 60_000) } as const;
    expect(kinds(decide(session(), flood, "m", now, config))).toEqual([]);
  });
});
