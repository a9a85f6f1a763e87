import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { adminExists } from "@/db/queries/users";
import { log } from "@/lib/log";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { createFirstAdmin, issueSetupToken } from "./setup";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const holder = globalThis as { __setupTokenIssued?: unknown };

describe.each(testDrivers)("first-run setup on %s", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  it("prints one setup token per process, stores only its hash, and uses it up creating the first admin", async () => {
    holder.__setupTokenIssued = undefined;
    const warn = vi.spyOn(log, "warn").mockImplementation(() => undefined);
    await issueSetupToken(database.db);
    await issueSetupToken(database.db);
    expect(warn).toHaveBeenCalledTimes(1);
    const token = /setup token: (\S+)$/.exec(String(warn.mock.calls[0]?.[0]))?.[1];
    warn.mockRestore();
    expect(token).toMatch(/^[\w-]{32}$/);
    const stored = await database.db.query.setupTokens.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toContain(token);

    const input = {
      email: "First@Example.com",
      password: "first admin password",
      confirmPassword: "first admin password",
    };
    expect(await createFirstAdmin(database.db, { ...input, setupToken: "wrong" }, meta)).toBe("invalid_token");
    expect(await adminExists(database.db)).toBe(false);
    expect(await createFirstAdmin(database.db, { ...input, setupToken: token! }, meta)).toBe("created");
    expect(await adminExists(database.db)).toBe(true);
    expect(await database.db.query.setupTokens.findMany()).toEqual([]);
    expect(await createFirstAdmin(database.db, { ...input, setupToken: token! }, meta)).toBe("already_set_up");
    const audit = await database.db.query.auditLog.findMany({ orderBy: (a, { asc }) => asc(a.id) });
    expect(audit.map((row) => [row.action, row.outcome])).toEqual([
      ["auth.setup", "failure"],
      ["auth.setup", "success"],
      ["auth.setup", "failure"],
    ]);
  });
});
