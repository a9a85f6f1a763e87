import { Console } from "node:console";
import { PassThrough } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { guardConsoleErrors } from "./console-guard";
import { serializeError } from "./index";

const secret = "$scrypt$ln=17,r=8,p=1$c2FsdA$aGFzaA";

function capturingConsole() {
  const stream = new PassThrough();
  let printed = "";
  stream.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  return { console: new Console({ stdout: stream, stderr: stream }), printed: () => printed };
}

describe("logged errors", () => {
  it("keep kind, message, SQL state and stack, never the failed statement's parameters or row detail", () => {
    const driverError = Object.assign(new Error("duplicate key value violates unique constraint"), {
      code: "23505",
      detail: "Key (email)=(someone@example.com) already exists.",
      params: [secret, "v1.k1.bm9uY2U.Y2lwaGVy"],
      query: "insert into users ...",
    });
    const logged = JSON.stringify(serializeError(driverError));
    expect(logged).toContain("23505");
    expect(logged).toContain("duplicate key");
    expect(logged).not.toMatch(/scrypt|v1\.k1|someone@example\.com|insert into/);
  });
});

describe.each(testDrivers)("a failed Drizzle query on %s", (driver) => {
  let database: TestDatabase;
  let failure: Error;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    failure = await database.db.execute(sql`select ${secret}::integer`).then(
      () => new Error("the query succeeded"),
      (error: Error) => error,
    );
  });
  afterAll(() => database.close());

  it("carries its parameters in the message, as Drizzle writes it", () => {
    expect(failure.message).toContain("Failed query:");
    expect(failure.message).toContain(secret);
  });

  it("is logged with its SQL and the database's reason, without the parameters", () => {
    const logged = JSON.stringify(serializeError(failure));
    expect(logged).toContain("Failed query: select $1::integer");
    expect(logged).toContain("invalid input syntax for type integer");
    expect(logged).not.toContain("scrypt");
  });

  it("is printed by a guarded console (as Next prints a failed page) without the parameters", () => {
    const target = capturingConsole();
    guardConsoleErrors(target.console);
    target.console.error(Object.assign(failure, { digest: "1234567" }));
    target.console.warn("render failed:", failure);
    expect(target.printed()).toContain("digest: '1234567'");
    expect(target.printed()).toContain("Failed query: select $1::integer");
    expect(target.printed()).not.toContain("scrypt");

    const unguarded = capturingConsole();
    unguarded.console.error(failure);
    expect(unguarded.printed()).toContain("scrypt");
  });
});
