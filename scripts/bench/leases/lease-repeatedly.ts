/**
 * Lease benchmark: `npx tsx scripts/bench/leases/lease-repeatedly.ts [runs] [fresh|seasoned]`. Logs one account in
 * against an in-process sandbox DC (embedded database in memory), then takes and revokes a lease `runs` times
 * (default 20) and prints the median and spread of each in ms. `fresh` (default) keeps Telegram's 24-hour rule, so
 * the console's new session may not end others and each lease logs itself out; `seasoned` lifts it, so the console's
 * session ends the lease by its hash.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Api } from "telegram";
import { connectPglite } from "@/db/connect-pglite";
import { upsertAccount } from "@/db/queries/telegram-accounts";
import { startSandbox } from "@/sandbox/sandbox";
import { median, percentile } from "../figure";

const runs = Number(process.argv[2] ?? 20);
const seasoned = process.argv[3] === "seasoned";
const dataDir = mkdtempSync(path.join(tmpdir(), "lease-bench-"));
const sandbox = await startSandbox({ dataDir, limits: seasoned ? { freshResetSeconds: 0 } : {} });
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
const { mintLease } = await import("@/lib/leases/mint");
const { endLeaseNow } = await import("@/lib/leases/lease");

const handle = connectPglite(undefined, path.resolve("db/migrations"));
await handle.migrate();
const { db } = handle;
const ring = loadKeyRing();
const phone = "9996620002";

async function firstSession(): Promise<string> {
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
      phoneMasked: "+99966•••02",
      dcId: 2,
    },
    false,
  );
  const id = await storeSession(db, ring, client, { accountId, dcId: 2, createdById: null });
  await client.destroy();
  return id;
}

const sessionId = await firstSession();
const deps = { db, ring, manager: connectionManager() };
const commit = <T>(work: (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) => Promise<T>) =>
  db.transaction(work);
const holder = { label: "bench", tokenId: null, ownLeasesOnly: false };
const mints: number[] = [];
const revokes: number[] = [];
for (let i = 0; i < runs; i++) {
  let started = performance.now();
  const lease = await mintLease(
    deps,
    sessionId,
    { ttlSeconds: 600, format: "telethon", requester: systemRequester, token: null },
    commit,
  );
  mints.push(performance.now() - started);
  started = performance.now();
  const ended = await endLeaseNow(deps, lease.id, holder, commit);
  revokes.push(performance.now() - started);
  if (ended.status !== "logged_out") throw new Error(`lease ${i + 1} ended ${ended.status}`);
}
const line = (what: string, times: number[]) =>
  `${what}: ${runs}, median ${median(times).toFixed(1)} ms, p90 ${percentile(times, 0.9).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`;
console.log(line("mints", mints));
console.log(line("revokes", revokes));
const states = sandbox.authorizations(phone).map((a) => a.state);
console.log(
  `sandbox authorizations: ${states.filter((s) => s === "active").length} active, ${states.length - states.filter((s) => s === "active").length} ended`,
);
await connectionManager().closeAll();
await handle.close();
await sandbox.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
