import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { isCredentialsSignIn, throttledSignIn } from "./sign-in-throttle";
import { countSignInFailure } from "./throttle";

const url = "http://localhost/api/auth/callback/credentials";
const formPost = (email: string, ip: string) =>
  new Request(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
    body: new URLSearchParams({ email, password: "whatever", csrfToken: "x" }),
  });

describe.each(testDrivers)("the sign-in endpoint's throttle on %s", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    for (let i = 0; i < 5; i++)
      await countSignInFailure(database.db, { email: "locked@example.com", ip: `192.0.2.${i}` });
  });
  afterAll(() => database.close());

  it("applies to the credentials callback only", () => {
    expect(isCredentialsSignIn(formPost("a@example.com", "1.1.1.1"))).toBe(true);
    expect(isCredentialsSignIn(new Request("http://localhost/api/auth/signout", { method: "POST" }))).toBe(false);
    expect(isCredentialsSignIn(new Request(url))).toBe(false);
  });

  it("answers 429 with Retry-After for a throttled account, whatever the case of its email", async () => {
    const response = await throttledSignIn(database.db, formPost("Locked@Example.com", "203.0.113.50"));
    expect(response?.status).toBe(429);
    expect(Number(response?.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(await response?.json()).toEqual({
      error: { code: "too_many_attempts", message: "Too many failed sign-in attempts. Try again in 15 minutes." },
    });
  });

  it("lets other attempts through, JSON bodies included, and leaves the body readable", async () => {
    const request = formPost("free@example.com", "203.0.113.50");
    expect(await throttledSignIn(database.db, request)).toBeNull();
    expect(await request.text()).toContain("free%40example.com");
    const json = new Request(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "free@example.com" }),
    });
    expect(await throttledSignIn(database.db, json)).toBeNull();
  });
});
