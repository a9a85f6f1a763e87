import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateRsaPem } from "@/sandbox/crypto/rsa";
import { startSandbox, type Sandbox } from "@/sandbox/sandbox";

let rsaPem: string | undefined;

/** A real sandbox DC in a temporary folder (one RSA key per test process: generating it is slow). */
export async function startTestSandbox(): Promise<Sandbox & { cleanup(): Promise<void> }> {
  rsaPem ??= generateRsaPem();
  const dataDir = mkdtempSync(path.join(tmpdir(), "console-sandbox-"));
  const sandbox = await startSandbox({ dataDir, rsaPrivateKeyPem: rsaPem });
  return Object.assign(sandbox, {
    async cleanup() {
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}
