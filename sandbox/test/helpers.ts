import { mkdtempSync, rmSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api, TelegramClient } from "telegram";
import type { TelegramClientParams } from "telegram/client/telegramBaseClient";
import { Logger, LogLevel } from "telegram/extensions/Logger";
import { computeCheck } from "telegram/Password";
import { generateRsaPem } from "../crypto/rsa";
import { sandboxClientOptions, sandboxSession } from "../client";
import { startSandbox, type Sandbox, type SandboxOptions } from "../sandbox";

export const API_ID = 12345;
export const API_HASH = "0123456789abcdef0123456789abcdef";

let rsaPem: string | undefined;

/** A sandbox in a fresh temporary folder with a per-process RSA key (generation is slow). */
export async function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<Sandbox & { dataDir: string }> {
  rsaPem ??= generateRsaPem();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "sandbox-test-"));
  const sandbox = await startSandbox({ rsaPrivateKeyPem: rsaPem, ...options, dataDir });
  return Object.assign(sandbox, { dataDir });
}

export type TestSandbox = Sandbox & { dataDir: string };

/** A sandbox for a whole test file: started before its tests, closed and removed after them. */
export function withTestSandbox(receive: (sandbox: TestSandbox) => void, options: Partial<SandboxOptions> = {}): void {
  let started: TestSandbox | undefined;
  beforeAll(async () => {
    started = await startTestSandbox(options);
    receive(started);
  });
  afterAll(async () => {
    if (!started) return;
    await started.close();
    removeDir(started.dataDir);
  });
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** An unmodified GramJS client aimed at the sandbox. */
export function newClient(
  sandbox: Sandbox,
  saved = "",
  dcId = 2,
  deviceModel = "vitest device",
  { apiId = API_ID, ...extra }: Partial<TelegramClientParams> & { apiId?: number } = {},
): TelegramClient {
  const client = new TelegramClient(sandboxSession(sandbox.info, saved, dcId), apiId, API_HASH, {
    ...sandboxClientOptions(sandbox.info),
    connectionRetries: 1,
    retryDelay: 100,
    autoReconnect: false,
    deviceModel,
    systemVersion: "Linux 6.1 (vitest)",
    appVersion: "1.2.3",
    langCode: "en",
    systemLangCode: "en-US",
    baseLogger: new Logger(LogLevel.NONE),
    ...extra,
  });
  return client;
}

export async function sendCode(client: TelegramClient, phone: string): Promise<string> {
  const sent = await client.invoke(
    new Api.auth.SendCode({ phoneNumber: phone, apiId: API_ID, apiHash: API_HASH, settings: new Api.CodeSettings({}) }),
  );
  if (!(sent instanceof Api.auth.SentCode)) throw new Error("expected auth.SentCode");
  return sent.phoneCodeHash;
}

export async function checkPassword(client: TelegramClient, password: string): Promise<Api.auth.TypeAuthorization> {
  const srp = await computeCheck(await client.invoke(new Api.account.GetPassword()), password);
  return client.invoke(new Api.auth.CheckPassword({ password: srp }));
}

/** phone → code → (password) on a connected client; returns the saved StringSession. */
export async function login(
  client: TelegramClient,
  sandbox: Sandbox,
  phone: string,
  password?: string,
): Promise<string> {
  const phoneCodeHash = await sendCode(client, phone);
  const code = sandbox.lastCode(phone)!.code;
  try {
    await client.invoke(new Api.auth.SignIn({ phoneNumber: phone, phoneCodeHash, phoneCode: code }));
  } catch (error) {
    if ((error as { errorMessage?: string }).errorMessage !== "SESSION_PASSWORD_NEEDED" || !password) throw error;
    await checkPassword(client, password);
  }
  return client.session.save() as unknown as string;
}

export async function destroy(...clients: TelegramClient[]): Promise<void> {
  await Promise.all(clients.map((c) => c.destroy().catch(() => undefined)));
}
