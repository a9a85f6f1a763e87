import { describe, expect, it } from "vitest";
import { eventFacts, eventTitle, isStateChange } from "./event-summary";
import { formatCountdown, formatDuration } from "@/components/format";

const event = (kind: string, detail: Record<string, unknown>, latencyMs: number | null = null) => ({
  id: 1,
  kind,
  detail,
  latencyMs,
  at: "2026-11-25T10:00:00.000Z",
});

describe("session page formatting", () => {
  it("shows durations with their two largest units and countdowns as a clock", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(90_061_000)).toBe("1 d 1 h");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
    expect(formatCountdown(61_500)).toBe("1:02");
    expect(formatCountdown(3_723_000)).toBe("1:02:03");
    expect(formatCountdown(-5)).toBe("0:00");
  });

  it("describes events and marks the checks that changed the state, with their evidence", () => {
    const dead = event(
      "check",
      {
        result: "invalid",
        from: "active",
        to: "invalid",
        errorCode: "SESSION_REVOKED",
        errorClass: "terminal",
        requestMs: 12,
      },
      12,
    );
    expect(eventTitle(dead)).toBe("Check: invalid — state active → invalid");
    expect(isStateChange(dead)).toBe(true);
    expect(eventFacts(dead)).toEqual(
      expect.arrayContaining([
        ["Error", "SESSION_REVOKED"],
        ["Class", "terminal"],
        ["Request", "12 ms"],
      ]),
    );
    expect(isStateChange(event("check", { result: "ok", from: "active", to: "active" }))).toBe(false);
    expect(eventTitle(event("flood_wait", { method: "users.getUsers", seconds: 42 }))).toBe(
      "Flood wait of 42 s on users.getUsers",
    );
    expect(eventTitle(event("connection", { state: "disconnected", reason: "idle" }))).toBe(
      "Connection disconnected (idle)",
    );
    expect(eventTitle(event("lease_taken", {}))).toBe("lease taken");
  });
});
