import { DrizzleQueryError } from "drizzle-orm/errors";
import { errors } from "telegram";
import { describe, expect, it, vi } from "vitest";
import { EmailTakenError } from "@/db/queries/users";
import { DomainError, notFound } from "@/lib/errors/domain";
import { PasswordRequiredError } from "@/lib/rotation/authorize";
import { RotationMismatchError } from "@/lib/rotation/swap";
import { TelegramFailure } from "@/lib/telegram/errors";
import { TelegramNotConfiguredError } from "@/lib/telegram/target";
import { VaultDecryptError } from "@/lib/vault/errors";
import { ApiError, statusOfCode } from "./errors";
import { toApiError } from "./to-api-error";

const answer = (error: unknown) => {
  const mapped = toApiError(error);
  const reply: Record<string, unknown> = { status: mapped.status, code: mapped.code, message: mapped.message };
  if (mapped.headers) reply.retryAfter = mapped.headers["Retry-After"];
  if (mapped.fields) reply.fields = mapped.fields;
  return reply;
};

const failedQuery = (cause: object) =>
  new DrizzleQueryError("insert into users ...", ["secret@example.com"], Object.assign(new Error("driver"), cause));

describe("toApiError", () => {
  it("answers each code with its status", () => {
    expect(statusOfCode).toMatchObject({
      invalid_input: 400,
      unauthenticated: 401,
      csrf_rejected: 403,
      not_found: 404,
      conflict: 409,
      login_busy: 409,
      last_admin: 409,
      password_required: 422,
      telegram_refused: 422,
      rate_limited: 429,
      too_many_attempts: 429,
      internal_error: 500,
      telegram_unavailable: 503,
      database_unavailable: 503,
    });
    const refusal = new ApiError("too_many_attempts", "Wait.", { headers: { "Retry-After": "60" } });
    expect(toApiError(refusal)).toBe(refusal);
    expect(refusal.status).toBe(429);
  });

  it("answers a domain refusal with its code, sentence, fields and Retry-After", () => {
    expect(answer(notFound("The member"))).toEqual({
      status: 404,
      code: "not_found",
      message: "The member was not found.",
    });
    expect(answer(new DomainError("rate_limited", "Later.", { retryAfterSeconds: 41.2 }))).toEqual({
      status: 429,
      code: "rate_limited",
      message: "Later.",
      retryAfter: "42",
    });
    expect(answer(new PasswordRequiredError("my dog"))).toMatchObject({
      status: 422,
      code: "password_required",
      fields: { password: "Enter the account's two-step verification password.", hint: "my dog" },
    });
    expect(answer(new PasswordRequiredError(null)).fields).not.toHaveProperty("hint");
    expect(answer(new RotationMismatchError())).toMatchObject({ status: 422, code: "telegram_refused" });
  });

  it("maps the connection manager's errors, even when another bundle's copy of the classes threw them", async () => {
    vi.resetModules();
    const { FloodWaitActiveError, SessionBusyError, SessionUnavailableError } =
      await import("@/lib/telegram/connection/errors");
    const { TelegramFailure: OtherFailure } = await import("@/lib/telegram/errors");
    const { VaultDecryptError: OtherVaultError } = await import("@/lib/vault/errors");
    expect(answer(new SessionBusyError("s", null))).toEqual({
      status: 409,
      code: "conflict",
      message: "This session is in use by another process. Try again in a moment.",
    });
    expect(answer(new FloodWaitActiveError("s", "users.GetUsers", new Date(Date.now() + 41_500)))).toMatchObject({
      status: 429,
      code: "rate_limited",
      retryAfter: "42",
    });
    expect(answer(new SessionUnavailableError("s", "not_found"))).toEqual({
      status: 404,
      code: "not_found",
      message: "The session was not found.",
    });
    expect(answer(new SessionUnavailableError("s", "revoked"))).toMatchObject({ status: 409, code: "conflict" });
    expect(answer(new OtherVaultError("authentication-failed"))).toEqual({
      status: 409,
      code: "conflict",
      message: "This session's stored key cannot be read with the configured encryption keys.",
    });
    expect(answer(new OtherFailure("transient", "NETWORK"))).toMatchObject({ status: 503 });
  });

  it("answers Telegram's failures by kind, in a sentence rather than a bare code", () => {
    expect(answer(new TelegramFailure("refused", "PHONE_CODE_INVALID"))).toEqual({
      status: 422,
      code: "telegram_refused",
      message: "That code is not right. Check the latest message from Telegram and try again.",
    });
    expect(answer(new TelegramFailure("transient", "NETWORK"))).toEqual({
      status: 503,
      code: "telegram_unavailable",
      message: "Telegram could not be reached. Try again in a moment.",
    });
    expect(answer(new TelegramFailure("flood", "FLOOD_WAIT", 30))).toMatchObject({ status: 429, retryAfter: "30" });
    expect(answer(new TelegramFailure("flood", "FLOOD_WAIT"))).toMatchObject({ retryAfter: "60" });
    // GramJS's own RPC errors, as a client outside the connection manager throws them.
    expect(answer(new errors.RPCError("PHONE_NUMBER_BANNED", {} as never, 400))).toMatchObject({
      status: 422,
      message: "Telegram has banned this phone number.",
    });
    expect(answer(new TelegramNotConfiguredError())).toMatchObject({ status: 503, code: "telegram_unavailable" });
    expect(answer(new VaultDecryptError("unknown-key")).message).not.toContain("key id");
  });

  it("answers database trouble a request can provoke, and an outage, without the query or its values", () => {
    expect(answer(new EmailTakenError("a@example.com"))).toEqual({
      status: 409,
      code: "conflict",
      message: "A member with that email already exists.",
    });
    expect(answer(failedQuery({ code: "23505" }))).toEqual({
      status: 409,
      code: "conflict",
      message: "That already exists.",
    });
    expect(answer(failedQuery({ code: "23503" }))).toMatchObject({ status: 409, code: "conflict" });
    expect(answer(failedQuery({ code: "22P02" }))).toEqual({
      status: 400,
      code: "invalid_input",
      message: "A value was not accepted.",
    });
    expect(answer(failedQuery({ code: "ECONNREFUSED" }))).toEqual({
      status: 503,
      code: "database_unavailable",
      message: "The database is not reachable. Try again shortly.",
    });
    expect(answer(failedQuery({ code: "57P03" }))).toMatchObject({ status: 503 });
    expect(answer(new Error("Connection terminated unexpectedly"))).toMatchObject({ status: 503 });
    // The pool's client after its connection broke mid-transaction (Neon driver, as node-postgres words it).
    expect(answer(new Error("Client has encountered a connection error and is not queryable"))).toMatchObject({
      status: 503,
    });
  });

  it("answers anything else with a generic 500 that gives nothing away", () => {
    const generic = {
      status: 500,
      code: "internal_error",
      message: "Something went wrong on our side. It has been logged.",
    };
    expect(answer(failedQuery({ code: "42P01" }))).toEqual(generic);
    expect(answer(new TypeError("secret detail of a bug"))).toEqual(generic);
    expect(answer("a thrown string")).toEqual(generic);
  });
});
