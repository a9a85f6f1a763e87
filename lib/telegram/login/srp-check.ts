import type { Api } from "telegram";
import { BinaryReader } from "telegram/extensions/BinaryReader.js";
import { MessageWorker } from "@/lib/workers/message-worker";

// GramJS's computeCheck runs PBKDF2 (100,000 rounds of SHA-512, synchronously) and three 2048-bit modular
// exponentiations with no await that yields: 100+ ms of one core during which the console's event loop stood
// still (the load soak measured 200–480 ms stalls with logins running). In a worker thread it stalls nobody.
// One worker serves every login of the process (loading GramJS costs ~200 ms, more than a proof). The TL
// objects cross as their wire bytes; the password crosses in memory only.
const workerSource = `
const { parentPort } = require("node:worker_threads");
const { password } = require("telegram");
const { BinaryReader } = require("telegram/extensions/BinaryReader.js");
parentPort.on("message", ({ id, request, password: secret }) => {
  password.computeCheck(new BinaryReader(Buffer.from(request)).tgReadObject(), secret).then(
    (check) => parentPort.postMessage({ id, check: check.getBytes() }),
    (error) => parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});`;

const srpWorker = new MessageWorker<{ request: Uint8Array; password: string }, { check: Uint8Array }>(
  workerSource,
  (reason) => new Error(reason),
);

/** GramJS's SRP proof of the two-step verification password for `request` (account.getPassword's answer), computed off the event loop. */
export async function computeSrpCheck(
  request: Api.account.Password,
  password: string,
): Promise<Api.InputCheckPasswordSRP> {
  const { check } = await srpWorker.ask({ request: request.getBytes(), password });
  return new BinaryReader(Buffer.from(check)).tgReadObject() as Api.InputCheckPasswordSRP;
}
