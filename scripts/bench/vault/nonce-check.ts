/**
 * Encrypts N times with one key and counts repeated nonces, then measures throughput.
 * Usage: npx tsx scripts/bench/vault/nonce-check.ts [N=1000000]
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { decrypt, encrypt } from "@/lib/vault/cipher";
import { parseEnvelope } from "@/lib/vault/envelope-format";
import { parseKeyRing } from "@/lib/vault/key-ring";

const THROUGHPUT_SAMPLE = 100_000;

const count = Number(process.argv[2] ?? 1_000_000);
if (!Number.isSafeInteger(count) || count < 1) {
  console.error("Usage: npx tsx scripts/bench/vault/nonce-check.ts [number of encryptions, default 1000000]");
  process.exit(2);
}

const ring = parseKeyRing(`check:${randomBytes(32).toString("base64url")}`, "nonce-check key");
// The size of a GramJS StringSession, the secret stored most.
const plaintext = randomBytes(264).toString("base64url");
const binding = { table: "telegram_sessions", rowId: "00000000-0000-4000-8000-000000000000", column: "session" };
const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString("en-US");

const nonces = new Set<string>();
let duplicates = 0;
const started = performance.now();
for (let i = 0; i < count; i++) {
  const nonce = parseEnvelope(encrypt(ring, plaintext, binding))?.nonce.toString("base64url") ?? "";
  if (nonces.has(nonce)) duplicates++;
  else nonces.add(nonce);
}
const uniquenessMs = performance.now() - started;
console.log(
  `nonces: ${count.toLocaleString("en-US")} encryptions, ${duplicates} duplicate nonces (${(uniquenessMs / 1000).toFixed(1)} s)`,
);

const sample = Math.min(count, THROUGHPUT_SAMPLE);
const envelopes: string[] = [];
const encryptStart = performance.now();
for (let i = 0; i < sample; i++) envelopes.push(encrypt(ring, plaintext, binding));
const encryptMs = performance.now() - encryptStart;

let mismatches = 0;
const decryptStart = performance.now();
for (const envelope of envelopes) if (decrypt(ring, envelope, binding) !== plaintext) mismatches++;
const decryptMs = performance.now() - decryptStart;

console.log(`throughput over ${sample.toLocaleString("en-US")} envelopes of a ${plaintext.length}-character secret:`);
console.log(`  encrypt: ${perSecond(sample, encryptMs)}/s`);
console.log(`  decrypt: ${perSecond(sample, decryptMs)}/s${mismatches ? `, ${mismatches} MISMATCHES` : ""}`);
process.exitCode = duplicates || mismatches ? 1 : 0;
