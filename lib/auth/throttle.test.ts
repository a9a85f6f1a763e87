import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { countSignInFailure, signInRetryAfter } from "./throttle";

const minute = 60_000;

describe.each(testDrivers)("sign-in throttling on %s", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * minute);

  it("allows four failures and refuses the sixth attempt until the oldest of five leaves the window", async () => {
    const start = new Date("2026-01-01T10:00:00Z");
    const attempt = { email: "a@example.com", ip: "203.0.113.1" };
    for (let i = 0; i < 4; i++) await countSignInFailure(database.db, attempt, at(start, i));
    expect(await signInRetryAfter(database.db, attempt, at(start, 4))).toBeNull();
    await countSignInFailure(database.db, attempt, at(start, 4));
    expect(await signInRetryAfter(database.db, attempt, at(start, 5))).toBe(10 * 60);
    expect(await signInRetryAfter(database.db, attempt, at(start, 15.5))).toBeNull();
  });

  it("counts per IP across accounts and per account across IPs", async () => {
    const start = new Date("2026-01-02T10:00:00Z");
    for (let i = 0; i < 5; i++) {
      await countSignInFailure(database.db, { email: `user${i}@example.com`, ip: "198.51.100.7" }, at(start, 0));
      await countSignInFailure(database.db, { email: "target@example.com", ip: `192.0.2.${i}` }, at(start, 0));
    }
    const later = at(start, 1);
    expect(await signInRetryAfter(database.db, { email: "new@example.com", ip: "198.51.100.7" }, later)).toBe(14 * 60);
    expect(await signInRetryAfter(database.db, { email: "target@example.com", ip: "192.0.2.200" }, later)).toBe(
      14 * 60,
    );
    expect(await signInRetryAfter(database.db, { email: "new@example.com", ip: "192.0.2.200" }, later)).toBeNull();
  });

  it("ignores and forgets failures older than the window", async () => {
    const start = new Date("2026-01-03T10:00:00Z");
    const attempt = { email: "old@example.com", ip: "203.0.113.9" };
    for (let i = 0; i < 5; i++) await countSignInFailure(database.db, attempt, at(start, 0));
    await countSignInFailure(database.db, { email: "other@example.com", ip: "203.0.113.10" }, at(start, 16));
    expect(await signInRetryAfter(database.db, attempt, at(start, 16))).toBeNull();
    expect(
      await database.db.query.signInFailures.findMany({ where: (f, { eq }) => eq(f.email, "old@example.com") }),
    ).toEqual([]);
  });
});
