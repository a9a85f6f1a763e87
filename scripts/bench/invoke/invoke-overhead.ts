/**
 * Invoke overhead: `npx tsx scripts/bench/invoke/invoke-overhead.ts [calls]`. One sandbox DC, one account with two
 * minted authorizations: the console's session (stored in a fresh Postgres, served by `next start` on the production
 * build) and a plain GramJS client of the other. users.GetFullUser(self) is called `calls` times (default 200) each
 * way, alternating, one at a time after a warm-up: through POST /api/v1/sessions/{id}/invoke with an admin token,
 * and directly with client.invoke. Prints the medians and p90s in ms.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Api } from "telegram";
import { startSandbox } from "@/sandbox/sandbox";
import type { MintedAuthorization } from "@/sandbox/control/views";
import { mintedServerSalt, mintedSessionString } from "@/sandbox/minted-session";
import { createTestDatabase } from "@/tests/support/database";
import { seedMintedSessions } from "@/tests/support/sandbox-sessions";
import { createBenchCredentials } from "../api/credentials";
import { startNextServer } from "../api/next-server";
import { median, percentile } from "../figure";

const calls = Number(process.argv[2] ?? 200);
const warmUp = 20;
const phone = "9996627001";

const dataDir = mkdtempSync(path.join(tmpdir(), "invoke-bench-"));
const sandbox = await startSandbox({ dataDir });
Object.assign(process.env, {
  TELEGRAM_SANDBOX_URL: sandbox.info.control,
  SESSION_ENCRYPTION_KEYS: process.env.SESSION_ENCRYPTION_KEYS ?? `bench:${randomBytes(32).toString("base64")}`,
  LOG_LEVEL: "error",
});
// Imported after the environment is set: configuration is read once.
const { connectClient, createTelegramClient } = await import("@/lib/telegram/client");

const database = await createTestDatabase("postgres");
const [session] = await seedMintedSessions(database.db, [phone]);
const minted = await fetch(new URL(`/accounts/${phone}/authorizations`, sandbox.info.control), { method: "POST" });
const [direct] = (await minted.json()) as MintedAuthorization[];
const credentials = await createBenchCredentials(database.db, "admin");
const next = await startNextServer({
  DATABASE_URL: database.url ?? "",
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  AUTH_TRUST_HOST: "true",
  SESSION_ENCRYPTION_KEYS: process.env.SESSION_ENCRYPTION_KEYS!,
  TELEGRAM_SANDBOX_URL: sandbox.info.control,
});
const client = await createTelegramClient(mintedSessionString(direct!), { dcId: direct!.dcId });
await connectClient(client, mintedServerSalt(direct!));

const request = JSON.stringify({ method: "users.GetFullUser", params: { id: { _: "InputUserSelf" } } });
async function throughConsole(): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${next.url}/api/v1/sessions/${session!.id}/invoke`, {
    method: "POST",
    headers: { authorization: `Bearer ${credentials.token}`, "content-type": "application/json" },
    body: request,
  });
  const body = (await response.json()) as { result?: { _?: string } };
  const elapsed = performance.now() - started;
  if (response.status !== 200 || body.result?._ !== "users.UserFull")
    throw new Error(`invoke answered ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
  return elapsed;
}
async function directly(): Promise<number> {
  const started = performance.now();
  const result = await client.invoke(new Api.users.GetFullUser({ id: new Api.InputUserSelf() }));
  const elapsed = performance.now() - started;
  if (!(result instanceof Api.users.UserFull)) throw new Error("GramJS answered something else");
  return elapsed;
}

try {
  for (let i = 0; i < warmUp; i++) await Promise.all([throughConsole(), directly()]);
  const consoleMs: number[] = [];
  const directMs: number[] = [];
  for (let i = 0; i < calls; i++) {
    consoleMs.push(await throughConsole());
    directMs.push(await directly());
  }
  const c = median(consoleMs);
  const d = median(directMs);
  console.log(
    `calls: ${calls} each; console median ${c.toFixed(2)} ms, console p90 ${percentile(consoleMs, 0.9).toFixed(2)} ms, ` +
      `direct median ${d.toFixed(2)} ms, direct p90 ${percentile(directMs, 0.9).toFixed(2)} ms, ` +
      `overhead ${(c - d).toFixed(2)} ms, ratio ${(c / d).toFixed(2)}`,
  );
} finally {
  await client.destroy();
  await next.stop();
  await database.close();
  await sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
