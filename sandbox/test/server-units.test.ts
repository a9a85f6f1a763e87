import { describe, expect, it } from "vitest";
import { loginCodeFor, testNumberDc } from "../server/accounts";
import { Faults } from "../server/faults";
import { RateLimiter } from "../server/rate-limit";
import { msgIdTime, serverMsgId } from "../mtproto/msg-id";

describe("test-DC conventions", () => {
  it("maps 99966XYYYY to DC X and code XXXXX", () => {
    expect(testNumberDc("9996631234")).toBe(3);
    expect(loginCodeFor("9996631234")).toBe("33333");
    expect(testNumberDc("15551234567")).toBeUndefined();
    expect(loginCodeFor("15551234567")).toMatch(/^\d{5}$/);
  });
});

describe("faults", () => {
  it("matches by method (either spelling) and phone, and runs out after `times`", () => {
    const faults = new Faults();
    faults.addRpc({ method: "users.getUsers", error: "FLOOD_WAIT_3", code: 420, times: 2, phone: "1" });
    expect(faults.takeRpc("users.GetUsers", "2")).toBeUndefined();
    expect(faults.takeRpc("help.GetConfig", "1")).toBeUndefined();
    expect(faults.takeRpc("users.GetUsers", "1")?.error).toBe("FLOOD_WAIT_3");
    expect(faults.takeRpc("users.GetUsers", "1")).toBeDefined();
    expect(faults.takeRpc("users.GetUsers", "1")).toBeUndefined();
  });

  it("keeps a times: 0 fault until cleared", () => {
    const faults = new Faults();
    faults.addTransport({ kind: "stall", ms: 0, times: 0 });
    for (let i = 0; i < 5; i++) expect(faults.takeTransport(undefined)?.kind).toBe("stall");
    faults.clear();
    expect(faults.takeTransport(undefined)).toBeUndefined();
  });
});

describe("rate limiter", () => {
  it("allows `limit` hits per window, then says how long to wait", () => {
    const limiter = new RateLimiter();
    const t0 = 1_000_000;
    expect(limiter.hit("k", 2, 60, t0)).toBe(0);
    expect(limiter.hit("k", 2, 60, t0 + 1000)).toBe(0);
    expect(limiter.hit("k", 2, 60, t0 + 2000)).toBe(58);
    expect(limiter.hit("k", 2, 60, t0 + 60_001)).toBe(0);
  });
});

describe("server msg_id", () => {
  it("is increasing, carries the time, and is odd mod 4 as Telegram's are", () => {
    const a = serverMsgId(true);
    const b = serverMsgId(false);
    expect(b > a).toBe(true);
    expect(a % 4n).toBe(1n);
    expect(b % 4n).toBe(3n);
    expect(Math.abs(msgIdTime(a) - Date.now() / 1000)).toBeLessThan(2);
  });
});
