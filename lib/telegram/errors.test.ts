import { Api, errors } from "telegram";
import { describe, expect, it } from "vitest";
import { classifyTelegramError } from "./errors";
import { describeTelegramFailure } from "./messages";

const request = new Api.updates.GetState();
const rpc = (message: string, code: number) =>
  errors.RPCMessageToError(new Api.RpcError({ errorCode: code, errorMessage: message }), request);

describe("classifyTelegramError", () => {
  it("reads flood waits from the error class with their seconds", () => {
    const failure = classifyTelegramError(rpc("FLOOD_WAIT_42", 420));
    expect(failure).toMatchObject({ kind: "flood", seconds: 42 });
    expect(describeTelegramFailure(failure)).toBe("Telegram asks to wait 42 seconds before trying again.");
    expect(classifyTelegramError(rpc("FLOOD_PREMIUM_WAIT_7", 420))).toMatchObject({ kind: "flood", seconds: 7 });
  });

  it("a 420 that is not FLOOD_WAIT_X or FLOOD_PREMIUM_WAIT_X is a refusal, never a wait", () => {
    const frozen = classifyTelegramError(rpc("FROZEN_METHOD_INVALID", 420));
    expect(frozen).toMatchObject({ kind: "refused", code: "FROZEN_METHOD_INVALID" });
    expect(describeTelegramFailure(frozen)).toMatch(/frozen/);
    expect(classifyTelegramError(rpc("SLOWMODE_WAIT_10", 420))).toMatchObject({ kind: "refused" });
    expect(classifyTelegramError(rpc("FLOOD_TEST_PHONE_WAIT_5", 420))).toMatchObject({ kind: "flood", seconds: 5 });
  });

  it.each(["AUTH_KEY_UNREGISTERED", "SESSION_REVOKED", "USER_DEACTIVATED_BAN", "AUTH_KEY_DUPLICATED"])(
    "%s is terminal",
    (name) => {
      expect(classifyTelegramError(rpc(name, 401))).toMatchObject({ kind: "terminal", code: name });
    },
  );

  it("keeps network failures, server errors and AUTH_RESTART transient", () => {
    expect(classifyTelegramError(new Error("socket hang up"))).toMatchObject({ kind: "transient", code: "NETWORK" });
    expect(classifyTelegramError(rpc("INTERNAL", 500))).toMatchObject({ kind: "transient" });
    expect(classifyTelegramError(rpc("AUTH_RESTART", 500))).toMatchObject({ kind: "transient" });
  });

  it("treats other definite answers as refusals with a sentence for the admin", () => {
    const failure = classifyTelegramError(rpc("PHONE_CODE_INVALID", 400));
    expect(failure).toMatchObject({ kind: "refused", code: "PHONE_CODE_INVALID" });
    expect(describeTelegramFailure(failure)).toMatch(/code is not right/);
    expect(describeTelegramFailure(classifyTelegramError(rpc("SOMETHING_NEW", 400)))).not.toMatch(/SOMETHING_NEW/);
  });
});
