import { randomBytes, randomUUID } from "node:crypto";
import { telegramAccounts, telegramSessions } from "@/db/schema";
import { secrets } from "@/lib/keys/encrypted-columns";
import { encrypt, parseKeyRing } from "@/lib/vault";
import { createTestDatabase } from "@/tests/support/database";
import { runTsx } from "../child";

/** Seeds `rows` sessions encrypted with an old key in a fresh Postgres database, then times `scripts/keys.ts rotate` to a new key. */
export async function timeKeyRotation(rows: number): Promise<{ seconds: number; reencrypted: number }> {
  const oldKey = `old:${randomBytes(32).toString("base64")}`;
  const newKey = `new:${randomBytes(32).toString("base64")}`;
  const database = await createTestDatabase("postgres");
  try {
    const ring = parseKeyRing(oldKey);
    const accountId = randomUUID();
    await database.db
      .insert(telegramAccounts)
      .values({ id: accountId, telegramUserId: 7n, phoneMasked: "+99966•••01", dcId: 2 });
    for (let start = 0; start < rows; start += 2_000) {
      const batch = Array.from({ length: Math.min(2_000, rows - start) }, (_, i) => {
        const id = randomUUID();
        return {
          id,
          accountId,
          dcId: 2,
          sessionCiphertext: encrypt(ring, `session-${start + i}`, secrets.sessionString.binding(id)),
        };
      });
      await database.db.insert(telegramSessions).values(batch);
    }
    const started = performance.now();
    const output = await runTsx(["scripts/keys.ts", "rotate"], {
      DATABASE_URL: database.url ?? "",
      SESSION_ENCRYPTION_KEYS: `${newKey},${oldKey}`,
    });
    const seconds = (performance.now() - started) / 1000;
    const reencrypted = Number(/(\d+) secrets re-encrypted/.exec(output)?.[1] ?? Number.NaN);
    return { seconds, reencrypted };
  } finally {
    await database.close();
  }
}
