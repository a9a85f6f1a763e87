import { describe, expect, it } from "vitest";
import type { SessionItem } from "@/lib/api/schemas/sessions";
import { attentionReasons } from "./overview";

const now = new Date("2026-11-25T12:00:00Z");
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
const item = (changes: Partial<SessionItem>) =>
  ({ status: "active", decryptFailed: false, floodWaitUntil: null, expiresAt: null, ...changes }) as SessionItem;

describe("attention reasons", () => {
  it("names every reason a session needs attention, and none for a healthy one", () => {
    expect(attentionReasons(item({ expiresAt: inDays(30) }), now)).toEqual([]);
    expect(
      attentionReasons(item({ status: "degraded", floodWaitUntil: inDays(0.01), expiresAt: inDays(2) }), now),
    ).toEqual(["degraded", "flood_wait", "expiring"]);
    expect(attentionReasons(item({ status: "invalid", decryptFailed: true, expiresAt: inDays(1) }), now)).toEqual([
      "invalid",
      "decrypt_failed",
    ]);
    expect(attentionReasons(item({ floodWaitUntil: inDays(-0.01) }), now)).toEqual([]);
    expect(attentionReasons(item({ status: "frozen", expiresAt: inDays(1) }), now)).toEqual(["frozen"]);
    expect(attentionReasons(item({ status: "banned" }), now)).toEqual(["banned"]);
    expect(attentionReasons(item({ status: "deactivated" }), now)).toEqual(["deactivated"]);
  });
});
