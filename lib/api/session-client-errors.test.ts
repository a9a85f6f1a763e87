import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { sessionClientError } from "./session-client-errors";

/** An error as another bundle's copy of a class makes it: same name and fields, another prototype. */
const foreign = (name: string, fields: Record<string, unknown> = {}) => Object.assign(new Error(`${name} message`), { name, ...fields });

const answer = (error: unknown) => {
  const mapped = sessionClientError(error);
  return mapped instanceof ApiError ? { status: mapped.status, code: mapped.code, retryAfter: mapped.headers?.["Retry-After"] } : mapped;
};

describe("errors of work through a session's client", () => {
  it("maps the connection manager's errors by name, whichever bundle threw them", () => {
    expect(answer(foreign("SessionBusyError"))).toMatchObject({ status: 409, code: "conflict" });
    expect(answer(foreign("FloodWaitActiveError", { retryAfterSeconds: 42 }))).toEqual({ status: 429, code: "rate_limited", retryAfter: "42" });
    expect(answer(foreign("SessionUnavailableError", { reason: "not_found" }))).toMatchObject({ status: 404 });
    expect(answer(foreign("SessionUnavailableError", { reason: "revoked" }))).toMatchObject({ status: 409 });
    expect(answer(foreign("VaultDecryptError"))).toMatchObject({ status: 409 });
    expect(answer(foreign("TelegramFailure", { kind: "refused", code: "FRESH_RESET_AUTHORISATION_FORBIDDEN" }))).toMatchObject({ status: 422, code: "telegram_refused" });
    expect(answer(foreign("TelegramFailure", { kind: "transient", code: "NETWORK" }))).toMatchObject({ status: 503, code: "telegram_unavailable" });
    expect(answer(foreign("TelegramFailure", { kind: "flood", code: "FLOOD_WAIT", seconds: 30 }))).toMatchObject({ status: 429, retryAfter: "30" });
  });

  it("leaves anything else to the route wrapper", () => {
    const bug = new TypeError("x is undefined");
    expect(sessionClientError(bug)).toBe(bug);
  });
});
