import { parseArgs } from "node:util";
import { openDatabase } from "@/db";
import { cliActor, writeAudit } from "@/lib/audit";
import { rotateAllSecrets } from "@/lib/keys/rotate";
import { loadKeyRing } from "@/lib/vault";

const usage =
  "Usage: npm run keys -- rotate [--batch-size N]\n  Re-encrypts every stored secret to the newest key of SESSION_ENCRYPTION_KEYS (the first listed).";
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { "batch-size": { type: "string", default: "500" } },
});
const batchSize = Number(values["batch-size"]);

if (positionals[0] !== "rotate" || !Number.isInteger(batchSize) || batchSize < 1) {
  console.error(usage);
  process.exit(2);
}

const ring = loadKeyRing();
const handle = await openDatabase();
const started = performance.now();
try {
  const report = await rotateAllSecrets(
    handle.db,
    ring,
    (p) => {
      process.stderr.write(
        `\r${p.column}: ${p.scanned} scanned, ${p.rotated} re-encrypted, ${p.unreadable} unreadable   `,
      );
    },
    batchSize,
  );
  await writeAudit(handle.db, cliActor, {
    action: "keys.rotate",
    target: ring.current.id,
    // Unreadable secrets are marked, not re-encrypted: the run did not finish its job.
    outcome: report.unreadable > 0 ? "failure" : "success",
    detail: { ...report },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(
    `\nDone in ${seconds} s: ${report.rotated} secrets re-encrypted to key "${ring.current.id}", ${report.unreadable} unreadable (marked), ${report.scanned} scanned.`,
  );
  process.exitCode = report.unreadable > 0 ? 1 : 0;
} finally {
  await handle.close();
}
