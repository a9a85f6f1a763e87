import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createUser } from "@/db/queries/users";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { hugeBody } from "@/tests/support/huge-body";
import { useTestDb } from "@/tests/support/route-database";
import { csrfSession, postCredentials, postCredentialsBody } from "@/tests/support/sign-in-endpoint";
import { hashPassword } from "@/lib/auth/sign-in";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

// The figures of docs/reliability.md for sign-in abuse: `npx vitest run tests/security/sign-in-flood.test.ts`.
describe("sign-in under abuse", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    vi.stubEnv("AUTH_SECRET", "a-test-secret-that-is-long-enough-0123456789");
    database = await createTestDatabase("pglite");
    useTestDb(database.db);
    await createUser(database.db, {
      email: "real@example.com",
      role: "admin",
      passwordHash: await hashPassword("the real password"),
      mustChangePassword: false,
    });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database.close();
  });

  it("answers a 256 MiB body with 413 while RSS grows by less than 50 MB", async () => {
    const before = process.memoryUsage().rss;
    const body = hugeBody();
    const response = await postCredentialsBody(body.stream);
    const growthMb = (process.memoryUsage().rss - before) / 1e6;
    console.info(`256 MiB body: ${response.status}, read ${body.pulled()} bytes, RSS growth ${growthMb.toFixed(1)} MB`);
    expect(response.status).toBe(413);
    expect(growthMb).toBeLessThan(50);
  });

  it(
    "signs a real member in at most 2 s slower (p50) while 120 unknown-email attempts arrive",
    { timeout: 240_000 },
    async () => {
      const member = await csrfSession();
      const signInTimes = async () => {
        const timings: number[] = [];
        for (let i = 0; i < 5; i++) {
          const started = performance.now();
          const { signedIn } = await postCredentials(member, "real@example.com", "the real password", "198.51.100.200");
          timings.push(performance.now() - started);
          expect(signedIn).toBe(true);
        }
        return timings;
      };
      const median = (timings: number[]) => [...timings].sort((a, b) => a - b)[2]!;
      const quiet = median(await signInTimes());

      const attacker = await csrfSession();
      const flood = Array.from({ length: 120 }, (_, n) =>
        postCredentials(attacker, `nobody${n}@example.com`, "a guess", "203.0.113.66"),
      );
      const timings = await signInTimes();
      const statuses = (await Promise.all(flood)).map(({ response }) => response.status);
      const p50 = median(timings);
      const count = (status: number) => statuses.filter((s) => s === status).length;
      console.info(
        `real sign-in: p50 ${Math.round(quiet)} ms quiet, ${Math.round(p50)} ms during a 120-attempt flood ` +
          `(${timings.map(Math.round).join(", ")} ms); flood answers: ${count(200)} checked, ${count(429)} × 429, ${count(503)} × 503`,
      );
      // This shared machine is slow at scrypt: the bound is on what the flood adds to the quiet figure.
      expect(p50 - quiet).toBeLessThan(2000);
    },
  );
});
