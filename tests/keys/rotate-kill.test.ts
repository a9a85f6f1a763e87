import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { telegramAccounts, telegramSessions } from "@/db/schema";
import { secrets } from "@/lib/keys/encrypted-columns";
import { decrypt, encrypt, parseKeyRing } from "@/lib/vault";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";

const oldKey = `old:${randomBytes(32).toString("base64")}`;
const newKey = `new:${randomBytes(32).toString("base64")}`;
const rows = 10_000;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase("postgres");
  const ring = parseKeyRing(oldKey);
  const accountId = randomUUID();
  await database.db
    .insert(telegramAccounts)
    .values({ id: accountId, telegramUserId: 7n, phoneMasked: "+99966•••01", dcId: 2 });
  for (let start = 0; start < rows; start += 2_000) {
    const batch = Array.from({ length: 2_000 }, (_, i) => {
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
}, 120_000);
afterAll(() => database.close());

/**
 * `npm run keys -- rotate` as an operator runs it; with `killAfterBatches`, SIGKILLed a few random
 * milliseconds after that many batches reported progress, so the kill lands inside later work.
 */
function rotate(killAfterBatches?: number): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const child = spawn("npx", ["tsx", "--conditions=react-server", "scripts/keys.ts", "rotate", "--batch-size", "250"], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      SESSION_ENCRYPTION_KEYS: `${newKey},${oldKey}`,
      LOG_LEVEL: "warn",
    },
    detached: true,
  });
  let stderr = "";
  let killing = false;
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    const batches = (stderr.match(/scanned/g) ?? []).length;
    if (killAfterBatches === undefined || killing || batches < killAfterBatches) return;
    killing = true;
    // The whole process group, so npx's child (the real tsx process) dies too.
    setTimeout(() => process.kill(-(child.pid ?? 0), "SIGKILL"), Math.floor(Math.random() * 20));
  });
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stderr })));
}

it("survives kill -9 at random points: the next run finishes and every row reads with the newest key", async () => {
  // Each run first re-scans what earlier runs finished, so later kill points reach further in.
  const killPoints = Array.from({ length: 3 }, (_, run) => 2 + run * 10 + Math.floor(Math.random() * 10));
  for (const batches of killPoints) {
    const killed = await rotate(batches);
    expect(killed.signal, `killed after ${batches} batches`).toBe("SIGKILL");
  }
  const finished = await rotate();
  expect(finished.code, finished.stderr).toBe(0);
  expect(finished.stderr).toMatch(/Done in [\d.]+ s: \d+ secrets re-encrypted to key "new", 0 unreadable/);

  const newOnly = parseKeyRing(newKey);
  const stored = await database.db.query.telegramSessions.findMany({ columns: { id: true, sessionCiphertext: true } });
  expect(stored).toHaveLength(rows);
  const readable = stored.filter((row) =>
    /^session-\d+$/.test(decrypt(newOnly, row.sessionCiphertext ?? "", secrets.sessionString.binding(row.id))),
  );
  expect(readable).toHaveLength(rows);
  expect((await rotate()).stderr).toMatch(/: 0 secrets re-encrypted/);
}, 180_000);
