import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { telegramAccounts, telegramSessions } from "@/db/schema";
import { decrypt, encrypt, parseKeyRing } from "@/lib/vault";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { secrets } from "./encrypted-columns";
import { rotateAllSecrets } from "./rotate";

const key = () => randomBytes(32).toString("base64");
const oldRing = parseKeyRing(`old:${key()}`);
const oldSpec = `old:${oldRing.current.key.export().toString("base64")}`;
const newRing = parseKeyRing(`new:${key()},${oldSpec}`);
const newOnly = parseKeyRing(`new:${newRing.current.key.export().toString("base64")}`);
const strangerRing = parseKeyRing(`gone:${key()}`);

describe.each(testDrivers)("key rotation on %s", (driver) => {
  let database: TestDatabase;
  const sessionIds: string[] = [];
  let unreadableId = "";

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    const accountId = randomUUID();
    await database.db.insert(telegramAccounts).values({
      id: accountId,
      telegramUserId: 42n,
      phoneMasked: "+99966•••01",
      dcId: 2,
      phoneCiphertext: encrypt(oldRing, "+9996620001", secrets.accountPhone.binding(accountId)),
    });
    const rows = Array.from({ length: 23 }, (_, i) => {
      const id = randomUUID();
      sessionIds.push(id);
      const ring = i === 0 ? strangerRing : oldRing;
      return {
        id,
        accountId,
        dcId: 2,
        sessionCiphertext: encrypt(ring, `session-${i}`, secrets.sessionString.binding(id)),
      };
    });
    unreadableId = sessionIds[0] as string;
    await database.db.insert(telegramSessions).values(rows);
  });
  afterAll(() => database.close());

  it("re-encrypts every secret to the newest key, resumes after an interruption and flags what no key reads", async () => {
    await expect(
      rotateAllSecrets(
        database.db,
        newRing,
        () => {
          throw new Error("killed");
        },
        5,
      ),
    ).rejects.toThrow("killed");

    const before = await database.db.query.telegramSessions.findMany({ columns: { sessionCiphertext: true } });
    const rotatedBeforeKill = before.filter((row) => row.sessionCiphertext?.startsWith("v1.new.")).length;
    expect(rotatedBeforeKill).toBeGreaterThanOrEqual(4);

    const progress: number[] = [];
    const report = await rotateAllSecrets(database.db, newRing, (p) => progress.push(p.scanned), 5);
    expect(report.unreadable).toBe(1);
    expect(report.rotated).toBe(22 - rotatedBeforeKill + 1);
    expect(progress.length).toBeGreaterThan(1);

    const stored = await database.db.query.telegramSessions.findMany({
      columns: { id: true, sessionCiphertext: true, decryptFailed: true },
    });
    for (const row of stored) {
      if (row.id === unreadableId) {
        expect(row.decryptFailed).toBe(true);
        continue;
      }
      expect(decrypt(newOnly, row.sessionCiphertext as string, secrets.sessionString.binding(row.id))).toMatch(
        /^session-\d+$/,
      );
    }
    const account = await database.db.query.telegramAccounts.findFirst();
    expect(
      decrypt(newOnly, account?.phoneCiphertext as string, secrets.accountPhone.binding(account?.id as string)),
    ).toBe("+9996620001");

    const again = await rotateAllSecrets(database.db, newRing, () => undefined, 5);
    expect(again.rotated).toBe(0);
  });
});
