/**
 * Rotation benchmark: `npx tsx scripts/bench/rotation/rotate-repeatedly.ts [runs]`. Logs one account in against an in-process
 * sandbox DC (embedded database in memory), then rotates its session `runs` times (default 20), each
 * rotation starting from the session the previous one made, and prints the median and spread in ms.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Api } from "telegram";
import { connectPglite } from "@/db/connect-pglite";
import { upsertAccount } from "@/db/queries/telegram-accounts";
import { startSandbox } from "@/sandbox/sandbox";

const runs = Number(process.argv[2] ?? 20);
const dataDir = mkdtempSync(path.join(tmpdir(), "rotation-bench-"));
const sandbox = await startSandbox({ dataDir });
Object.assign(process.env, {
  TELEGRAM_SANDBOX_URL: sandbox.info.control,
  SESSION_ENCRYPTION_KEYS: process.env.SESSION_ENCRYPTION_KEYS ?? `bench:${randomBytes(32).toString("base64")}`,
  LOG_LEVEL: "error",
});
// Imported after the environment is set: configuration is read once.
const { loadKeyRing } = await import("@/lib/vault");
const { connectClient, createTelegramClient } = await import("@/lib/telegram/client");
const { telegramTarget } = await import("@/lib/telegram/target");
const { storeSession } = await import("@/lib/telegram/login/store-session");
const { connectionManager } = await import("@/lib/telegram/connection/manager");
const { systemRequester } = await import("@/lib/revocation/revoke");
const { rotateSession } = await import("@/lib/rotation/rotate");

const handle = connectPglite(undefined, path.resolve("db/migrations"));
await handle.migrate();
const { db } = handle;
const ring = loadKeyRing();

/** A session to start from, logged in directly (code login on DC 2). */
async function firstSession(): Promise<string> {
  const phone = "9996620001";
  const { apiId, apiHash } = await telegramTarget();
  const client = await createTelegramClient("", { dcId: 2 });
  await connectClient(client);
  const sent = (await client.invoke(
    new Api.auth.SendCode({ phoneNumber: phone, apiId, apiHash, settings: new Api.CodeSettings({}) }),
  )) as Api.auth.SentCode;
  const auth = (await client.invoke(
    new Api.auth.SignIn({ phoneNumber: phone, phoneCodeHash: sent.phoneCodeHash, phoneCode: "22222" }),
  )) as Api.auth.Authorization;
  const user = auth.user as Api.User;
  const accountId = crypto.randomUUID();
  await upsertAccount(
    db,
    {
      id: accountId,
      telegramUserId: BigInt(user.id.toString()),
      firstName: user.firstName ?? "",
      phoneMasked: "+99966•••01",
      dcId: 2,
    },
    false,
  );
  const id = await storeSession(db, ring, client, { accountId, dcId: 2, createdById: null });
  await client.destroy();
  return id;
}

let sessionId = await firstSession();
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const result = await rotateSession(
    { db, ring, manager: connectionManager(), requester: systemRequester, commit: (work) => db.transaction(work) },
    sessionId,
  );
  times.push(performance.now() - started);
  if (result.oldSessionStatus !== "revoked")
    throw new Error(`rotation ${i + 1} left the old session ${result.oldSessionStatus}`);
  sessionId = result.newSessionId;
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
const median = ((times[Math.floor((runs - 1) / 2)] ?? 0) + (times[Math.ceil((runs - 1) / 2)] ?? 0)) / 2;
console.log(
  `rotations: ${runs}, median ${median.toFixed(1)} ms, min ${at(0).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, max ${at(1).toFixed(1)} ms`,
);
console.log(
  `sandbox authorizations: ${sandbox.authorizations("9996620001").filter((a) => a.state === "active").length} active, ${sandbox.authorizations("9996620001").filter((a) => a.state === "logged_out").length} logged out`,
);
await connectionManager().closeAll();
await handle.close();
await sandbox.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
