/**
 * Sandbox benchmark: `npx tsx scripts/bench/sandbox/login-and-connect.ts`. Prints the median of 20 fresh logins
 * (key exchange + sendCode + signIn + 2FA), the median of 20 resumed connects
 * (connect + users.getUsers(self) on a saved session), and the CPU seconds this
 * process (GramJS client and sandbox together) spends on 100 resumed connections.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api, TelegramClient } from "telegram";
import { Logger, LogLevel } from "telegram/extensions/Logger";
import { computeCheck } from "telegram/Password";
import { sandboxClientOptions, sandboxSession } from "@/sandbox/client";
import { startSandbox, type Sandbox } from "@/sandbox/sandbox";

const API_ID = 12345;
const API_HASH = "0123456789abcdef0123456789abcdef";
const PHONE = "9996629999";
const PASSWORD = "bench-password";

function client(sandbox: Sandbox, saved = ""): TelegramClient {
  return new TelegramClient(sandboxSession(sandbox.info, saved), API_ID, API_HASH, {
    ...sandboxClientOptions(sandbox.info),
    connectionRetries: 1,
    autoReconnect: false,
    baseLogger: new Logger(LogLevel.NONE),
  });
}

async function freshLogin(sandbox: Sandbox): Promise<string> {
  const c = client(sandbox);
  await c.connect();
  const sent = await c.invoke(
    new Api.auth.SendCode({ phoneNumber: PHONE, apiId: API_ID, apiHash: API_HASH, settings: new Api.CodeSettings({}) }),
  );
  const phoneCodeHash = (sent as Api.auth.SentCode).phoneCodeHash;
  await c
    .invoke(new Api.auth.SignIn({ phoneNumber: PHONE, phoneCodeHash, phoneCode: "22222" }))
    .catch((error: { errorMessage?: string }) => {
      if (error.errorMessage !== "SESSION_PASSWORD_NEEDED") throw error;
    });
  await c.invoke(
    new Api.auth.CheckPassword({
      password: await computeCheck(await c.invoke(new Api.account.GetPassword()), PASSWORD),
    }),
  );
  const saved = c.session.save() as unknown as string;
  await c.destroy();
  return saved;
}

async function resumedConnect(sandbox: Sandbox, saved: string): Promise<void> {
  const c = client(sandbox, saved);
  await c.connect();
  await c.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));
  await c.destroy();
}

async function medianMs(runs: number, task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return (times[Math.floor((runs - 1) / 2)]! + times[Math.ceil((runs - 1) / 2)]!) / 2;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "sandbox-bench-"));
  const sandbox = await startSandbox({ dataDir, limits: { sendCodePerHour: 1000 } });
  try {
    sandbox.createAccount({ phone: PHONE, password: PASSWORD });
    let saved = "";
    const login = await medianMs(20, async () => (saved = await freshLogin(sandbox)));
    const resumed = await medianMs(20, () => resumedConnect(sandbox, saved));
    const before = process.cpuUsage();
    for (let i = 0; i < 100; i++) await resumedConnect(sandbox, saved);
    const cpu = process.cpuUsage(before);
    console.log(`fresh login (key exchange + sendCode + signIn + 2FA), median of 20: ${login.toFixed(0)} ms`);
    console.log(`resumed connect (connect + users.getUsers), median of 20: ${resumed.toFixed(0)} ms`);
    console.log(`CPU for 100 resumed connections (client + sandbox): ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`);
  } finally {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
