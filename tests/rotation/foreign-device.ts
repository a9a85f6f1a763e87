import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Api, TelegramClient } from "telegram";
import { Logger, LogLevel } from "telegram/extensions/Logger";
import { sandboxClientOptions, sandboxSession } from "@/sandbox/client";
import { generateRsaPem } from "@/sandbox/crypto/rsa";
import { startSandbox, type Sandbox, type SandboxOptions } from "@/sandbox/sandbox";

/** A sandbox DC with shortened limits (e.g. freshResetSeconds), in a temporary folder. */
export async function startLimitedSandbox(limits: SandboxOptions["limits"]): Promise<Sandbox & { cleanup(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "console-sandbox-"));
  const sandbox = await startSandbox({ dataDir, rsaPrivateKeyPem: generateRsaPem(), limits });
  return Object.assign(sandbox, {
    async cleanup() {
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/** Logs a DC-2 test number in from "someone else's phone" (not the console), and disconnects. */
export async function loginForeignDevice(sandbox: Sandbox, phone: string): Promise<void> {
  const client = new TelegramClient(sandboxSession(sandbox.info, "", 2), 12345, "0123456789abcdef0123456789abcdef", {
    ...sandboxClientOptions(sandbox.info),
    deviceModel: "Pixel 8",
    connectionRetries: 1,
    autoReconnect: false,
    baseLogger: new Logger(LogLevel.NONE),
  });
  await client.connect();
  const sent = (await client.invoke(new Api.auth.SendCode({ phoneNumber: phone, apiId: 12345, apiHash: "0123456789abcdef0123456789abcdef", settings: new Api.CodeSettings({}) }))) as Api.auth.SentCode;
  await client.invoke(new Api.auth.SignIn({ phoneNumber: phone, phoneCodeHash: sent.phoneCodeHash, phoneCode: "22222" }));
  await client.destroy();
}
