import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { telegramSessions } from "@/db/schema";
import { checkSession } from "@/lib/health/check";
import { healthConfig } from "@/lib/health/config";
import { secrets } from "@/lib/keys/encrypted-columns";
import { decrypt, encrypt, loadKeyRing } from "@/lib/vault";
import { BAD_SERVER_SALT } from "@/sandbox/mtproto/encrypted-session";
import { seedOne, sessionRow } from "@/tests/support/sandbox-sessions";
import { shortDeadlines, startConsoleSandbox } from "@/tests/support/sandbox";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { ConnectionManager } from "./manager";

const sandbox = await startConsoleSandbox(shortDeadlines);

describe("the server salt kept with a session", () => {
  let database: TestDatabase;
  let check: (id: string) => ReturnType<typeof checkSession>;
  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    const manager = new ConnectionManager({ idleMs: 0 });
    check = (id) => checkSession(database.db, id, { manager, config: healthConfig() });
  });
  afterAll(() => database.close());

  const saltRejections = (phone: string) => sandbox.log(phone).filter((e) => e.result === BAD_SERVER_SALT).length;
  const storedSalt = async (id: string) => {
    const row = await sessionRow(database.db, id);
    return row.serverSaltCiphertext && decrypt(loadKeyRing(), row.serverSaltCiphertext, secrets.serverSalt.binding(id));
  };
  const setStoredSalt = (id: string, value: string | null) =>
    database.db.update(telegramSessions).set({ serverSaltCiphertext: value }).where(eq(telegramSessions.id, id));

  it("is learned by the first connection without one, and the next connections send nothing the DC rejects for it", async () => {
    const { id, phone } = await seedOne(database.db);
    await setStoredSalt(id, null);
    const before = saltRejections(phone);
    expect(await check(id)).toMatchObject({ result: "ok" });
    expect(saltRejections(phone) - before).toBe(1);
    const learned = await storedSalt(id);
    expect(learned).toMatch(/^-?\d+$/);

    const after = saltRejections(phone);
    expect(await check(id)).toMatchObject({ result: "ok" });
    expect(await check(id)).toMatchObject({ result: "ok" });
    expect(saltRejections(phone)).toBe(after);
    expect(await storedSalt(id)).toBe(learned);
  });

  it("is stored by a login, so even the first check needs no second try", async () => {
    const { id, phone } = await seedOne(database.db);
    expect(await storedSalt(id)).toMatch(/^-?\d+$/);
    const before = sandbox.log(phone).length;
    expect(await check(id)).toMatchObject({ result: "ok" });
    const requests = sandbox.log(phone).slice(before);
    expect(requests.map((e) => e.method)).toContain("users.GetUsers");
    expect(requests.filter((e) => e.result === BAD_SERVER_SALT)).toEqual([]);
  });

  it("costs one rejection when stale or unreadable, and is replaced by the salt the DC names", async () => {
    const { id, phone } = await seedOne(database.db);
    const right = await storedSalt(id);
    for (const stale of [
      encrypt(loadKeyRing(), "12345", secrets.serverSalt.binding(id)),
      // Sealed for another row: it does not decrypt here, and the check goes on without it.
      encrypt(loadKeyRing(), right ?? "", secrets.serverSalt.binding("00000000-0000-0000-0000-000000000000")),
    ]) {
      await setStoredSalt(id, stale);
      const before = saltRejections(phone);
      expect(await check(id)).toMatchObject({ result: "ok", status: "active" });
      expect(saltRejections(phone) - before).toBe(1);
      expect(await storedSalt(id)).toBe(right);
    }
  });

  it("is destroyed with the session when it is revoked", async () => {
    const { id } = await seedOne(database.db);
    expect((await sessionRow(database.db, id)).serverSaltCiphertext).not.toBeNull();
    const { markRevoked } = await import("@/db/queries/revocations");
    await markRevoked(database.db, id, "forgotten", "test");
    expect(await sessionRow(database.db, id)).toMatchObject({ sessionCiphertext: null, serverSaltCiphertext: null });
  });
});
