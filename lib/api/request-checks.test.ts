import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";
import { apiErrorFromDatabase, isDatabaseUnavailable } from "./database-errors";
import { isSameOrigin } from "./origin";

const post = (headers: Record<string, string>) =>
  new Request("http://127.0.0.1:3000/api/v1/x", { method: "POST", headers });

describe("isSameOrigin", () => {
  it("accepts the request's own origin, or the public host a proxy forwarded", () => {
    expect(isSameOrigin(post({ origin: "http://127.0.0.1:3000" }))).toBe(true);
    expect(
      isSameOrigin(post({ origin: "https://console.example.com", "x-forwarded-host": "console.example.com" })),
    ).toBe(true);
  });

  it("refuses other origins, an opaque origin and a request that names none", () => {
    expect(isSameOrigin(post({ origin: "https://evil.example" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "http://127.0.0.1:3000.evil.example" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "null" }))).toBe(false);
    expect(isSameOrigin(post({}))).toBe(false);
    expect(isSameOrigin(post({ "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameOrigin(post({ "sec-fetch-site": "same-origin" }))).toBe(true);
  });
});

describe("clientIp", () => {
  it("takes the nearest hop of X-Forwarded-For", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.1" }))).toBe("10.0.0.1");
    expect(clientIp(new Headers({ "x-real-ip": "10.0.0.2" }))).toBe("10.0.0.2");
    expect(clientIp(new Headers())).toBeNull();
  });
});

describe("database errors", () => {
  const wrapped = (cause: object) => Object.assign(new Error("Failed query: insert ... params: secret"), { cause });

  it("recognises an unreachable database through drizzle's wrapper", () => {
    expect(
      isDatabaseUnavailable(wrapped(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(wrapped(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))),
    ).toBe(true);
    expect(apiErrorFromDatabase(new Error("Connection terminated unexpectedly"))?.status).toBe(503);
    // The pool's client after its connection broke mid-transaction (Neon driver, as node-postgres words it).
    expect(
      apiErrorFromDatabase(new Error("Client has encountered a connection error and is not queryable"))?.status,
    ).toBe(503);
  });

  it("turns request-provoked statement errors into 4xx and leaves the rest to a 500", () => {
    expect(apiErrorFromDatabase(wrapped({ code: "23505" }))).toMatchObject({ status: 409, code: "conflict" });
    expect(apiErrorFromDatabase(wrapped({ code: "22P02" }))).toMatchObject({ status: 400, code: "invalid_input" });
    expect(apiErrorFromDatabase(wrapped({ code: "42P01" }))).toBeUndefined();
    expect(apiErrorFromDatabase(new TypeError("x is undefined"))).toBeUndefined();
  });
});
