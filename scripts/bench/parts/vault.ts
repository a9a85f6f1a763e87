import { numberAfter, runTsx } from "../child";
import { fmt, type Figure } from "../figure";
import { timeKeyRotation } from "./key-rotation";

/** Vault throughput (scripts/bench/vault/nonce-check.ts) and `npm run keys -- rotate` over 10,000 sessions. */
export async function vaultBench(): Promise<Figure[]> {
  const output = await runTsx(["scripts/bench/vault/nonce-check.ts", "200000"]);
  const duplicates = numberAfter(output, /encryptions,/);
  const rotation = await timeKeyRotation(10_000);
  return [
    {
      part: "vault",
      name: "Encryptions per second",
      target: "—",
      measured: `${fmt(numberAfter(output, /encrypt:/), 0)}/s`,
      pass: null,
    },
    {
      part: "vault",
      name: "Decryptions per second",
      target: "—",
      measured: `${fmt(numberAfter(output, /decrypt:/), 0)}/s`,
      pass: null,
    },
    {
      part: "vault",
      name: "Duplicate nonces in 200,000 encryptions",
      target: "0",
      measured: String(duplicates),
      pass: duplicates === 0,
    },
    {
      part: "vault",
      name: "Key rotation of 10,000 sessions, wall time",
      target: "—",
      measured: `${fmt(rotation.seconds)} s`,
      pass: null,
      note: `${rotation.reencrypted.toLocaleString("en-US")} secrets re-encrypted (scripts/keys.ts rotate, includes process start)`,
    },
  ];
}
