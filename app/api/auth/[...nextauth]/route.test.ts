import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createUser } from "@/db/queries/users";
import { auditLog } from "@/db/schema";
import { maxFailures, hashPassword } from "@/lib/auth/sign-in";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { hugeBody } from "@/tests/support/huge-body";
import { useTestDb } from "@/tests/support/route-database";
import { csrfSession, postCredentials, postCredentialsBody } from "@/tests/support/sign-in-endpoint";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

describe.each(testDrivers)("the sign-in endpoint on %s", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    vi.stubEnv("AUTH_SECRET", "a-test-secret-that-is-long-enough-0123456789");
    database = await createTestDatabase(driver);
    useTestDb(database.db);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database.close();
  });

  it("signs a member in with the right password", async () => {
    await createUser(database.db, {
      email: "right@example.com",
      role: "viewer",
      passwordHash: await hashPassword("the right password"),
      mustChangePassword: false,
    });
    const { response, signedIn } = await postCredentials(
      await csrfSession(),
      "right@example.com",
      "the right password",
    );
    expect(response.status).toBe(200);
    expect(signedIn).toBe(true);
  });

  it(`evaluates at most ${maxFailures} of 40 parallel guesses, the right one among them, and refuses the rest with 429`, async () => {
    const email = "raced@example.com";
    await createUser(database.db, {
      email,
      role: "admin",
      passwordHash: await hashPassword("the right password"),
      mustChangePassword: false,
    });
    const session = await csrfSession();
    const guesses = Array.from({ length: 40 }, (_, n) => (n === 20 ? "the right password" : `wrong guess ${n}`));
    const answers = await Promise.all(
      guesses.map((guess, n) => postCredentials(session, email, guess, `198.51.100.${n}`)),
    );

    const evaluated = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.sign_in"), eq(auditLog.actorLabel, email)));
    expect(evaluated.length).toBeLessThanOrEqual(maxFailures);
    const refused = answers.filter(({ response }) => response.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(40 - maxFailures);
    for (const { response } of refused) expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    const signedIn = answers.filter((answer) => answer.signedIn).length;
    expect(signedIn).toBe(evaluated.some((row) => row.outcome === "success") ? 1 : 0);
  });

  it("answers 413 payload_too_large to a 256 MiB body, having read little more than the limit", async () => {
    const body = hugeBody();
    const response = await postCredentialsBody(body.stream);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "payload_too_large" } });
    expect(body.pulled()).toBeLessThan(1024 * 1024);
  });
});
