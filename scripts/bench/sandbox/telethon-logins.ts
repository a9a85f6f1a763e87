/**
 * Telethon benchmark: `npx tsx scripts/bench/sandbox/telethon-logins.ts`. Prints the median of 10 fresh logins by
 * Debian's python3-telethon, unmodified (key exchange + sendCode + signIn + 2FA with Telethon's own SRP), against
 * a sandbox started in this process.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSandbox } from "@/sandbox/sandbox";
import { runTelethon } from "@/tests/clients/run-telethon";

const LOGINS = 10;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "sandbox-bench-"));
  const sandbox = await startSandbox({ dataDir, limits: { sendCodePerHour: 1000 } });
  try {
    const { results, stderr } = await runTelethon({
      info: sandbox.info,
      run: "88",
      flows: ["fresh logins"],
      logins: LOGINS,
    });
    const result = results.get("fresh logins");
    if (!result?.ok) throw new Error(`Telethon failed: ${JSON.stringify(result?.detail)}\n${stderr}`);
    const times = [...(result.detail as { ms: number[] }).ms].sort((a, b) => a - b);
    const median = (times[(LOGINS - 1) >> 1]! + times[LOGINS >> 1]!) / 2;
    console.log(`Telethon fresh login (key exchange + code + 2FA), median of ${LOGINS}: ${median.toFixed(0)} ms`);
    console.log(`each, sorted: ${times.join(", ")} ms`);
  } finally {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
