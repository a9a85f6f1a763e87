import { describe, expect, it, vi } from "vitest";
import { ApiError } from "./errors";
import { sessionClientError } from "./session-client-errors";

const answer = (error: unknown) => {
  const mapped = sessionClientError(error);
  return mapped instanceof ApiError
    ? { status: mapped.status, code: mapped.code, retryAfter: mapped.headers?.["Retry-After"] }
    : mapped;
};

describe("errors of work through a session's client", () => {
  it("maps the connection manager's errors, even when another bundle's copy of the classes threw them", async () => {
    vi.resetModules();
    const { FloodWaitActiveError, SessionBusyError, SessionUnavailableError } =
      await import("@/lib/telegram/connection/errors");
    const { TelegramFailure } = await import("@/lib/telegram/errors");
    const { VaultDecryptError } = await import("@/lib/vault/errors");
    expect(answer(new SessionBusyError("s", null))).toMatchObject({ status: 409, code: "conflict" });
    expect(answer(new FloodWaitActiveError("s", "users.GetUsers", new Date(Date.now() + 41_500)))).toEqual({
      status: 429,
      code: "rate_limited",
      retryAfter: "42",
    });
    expect(answer(new SessionUnavailableError("s", "not_found"))).toMatchObject({ status: 404 });
    expect(answer(new SessionUnavailableError("s", "revoked"))).toMatchObject({ status: 409 });
    expect(answer(new VaultDecryptError("authentication-failed"))).toMatchObject({ status: 409 });
    expect(answer(new TelegramFailure("refused", "FRESH_RESET_AUTHORISATION_FORBIDDEN"))).toMatchObject({
      status: 422,
      code: "telegram_refused",
    });
    expect(answer(new TelegramFailure("transient", "NETWORK"))).toMatchObject({
      status: 503,
      code: "telegram_unavailable",
    });
    expect(answer(new TelegramFailure("flood", "FLOOD_WAIT", 30))).toMatchObject({ status: 429, retryAfter: "30" });
  });

  it("leaves anything else to the route wrapper", () => {
    const bug = new TypeError("x is undefined");
    expect(sessionClientError(bug)).toBe(bug);
  });
});
