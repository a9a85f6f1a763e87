import { Worker } from "node:worker_threads";
import type { Api } from "telegram";
import { BinaryReader } from "telegram/extensions";

// GramJS's computeCheck runs PBKDF2 (100,000 rounds of SHA-512, synchronously) and three 2048-bit modular
// exponentiations with no await that yields: 100+ ms of one core during which the console's event loop stood
// still (the load soak measured 200–480 ms stalls with logins running). In a worker thread it stalls nobody.
// The TL objects cross as their wire bytes; the password crosses in memory only.
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const { password } = require("telegram");
const { BinaryReader } = require("telegram/extensions");
password.computeCheck(new BinaryReader(Buffer.from(workerData.request)).tgReadObject(), workerData.password).then(
  (check) => parentPort.postMessage({ check: check.getBytes() }),
  (error) => parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);`;

type WorkerAnswer = { check: Uint8Array } | { error: string };

/** GramJS's SRP proof of the two-step verification password for `request` (account.getPassword's answer), computed off the event loop. */
export function computeSrpCheck(request: Api.account.Password, password: string): Promise<Api.InputCheckPasswordSRP> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { request: request.getBytes(), password } });
    worker.once("message", (answer: WorkerAnswer) => {
      if ("error" in answer) reject(new Error(answer.error));
      else resolve(new BinaryReader(Buffer.from(answer.check)).tgReadObject() as Api.InputCheckPasswordSRP);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the SRP worker exited with ${code} before answering`)));
  });
}
