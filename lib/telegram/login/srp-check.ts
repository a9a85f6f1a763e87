import { Worker } from "node:worker_threads";
import type { Api } from "telegram";
import { BinaryReader } from "telegram/extensions";

// GramJS's computeCheck runs PBKDF2 (100,000 rounds of SHA-512, synchronously) and three 2048-bit modular
// exponentiations with no await that yields: 100+ ms of one core during which the console's event loop stood
// still (the load soak measured 200–480 ms stalls with logins running). In a worker thread it stalls nobody.
// One worker serves every login of the process (loading GramJS costs ~200 ms, more than a proof); it is
// unref'd so it never keeps the process alive. The TL objects cross as their wire bytes; the password crosses
// in memory only.
const workerSource = `
const { parentPort } = require("node:worker_threads");
const { password } = require("telegram");
const { BinaryReader } = require("telegram/extensions");
parentPort.on("message", ({ id, request, password: secret }) => {
  password.computeCheck(new BinaryReader(Buffer.from(request)).tgReadObject(), secret).then(
    (check) => parentPort.postMessage({ id, check: check.getBytes() }),
    (error) => parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});`;

type WorkerAnswer = { id: number } & ({ check: Uint8Array } | { error: string });
type Pending = { resolve(check: Api.InputCheckPasswordSRP): void; reject(error: Error): void };

let current: { worker: Worker; pending: Map<number, Pending> } | undefined;
let nextId = 0;

function srpWorker() {
  if (current) return current;
  const worker = new Worker(workerSource, { eval: true });
  const pending = new Map<number, Pending>();
  const ended = (error: Error) => {
    if (current?.worker === worker) current = undefined;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on("message", (answer: WorkerAnswer) => {
    const waiting = pending.get(answer.id);
    pending.delete(answer.id);
    if (pending.size === 0) worker.unref();
    if ("error" in answer) waiting?.reject(new Error(answer.error));
    else waiting?.resolve(new BinaryReader(Buffer.from(answer.check)).tgReadObject() as Api.InputCheckPasswordSRP);
  });
  worker.on("error", ended);
  worker.on("exit", (code) => ended(new Error(`the SRP worker exited with ${code} before answering`)));
  current = { worker, pending };
  return current;
}

/** GramJS's SRP proof of the two-step verification password for `request` (account.getPassword's answer), computed off the event loop. */
export function computeSrpCheck(request: Api.account.Password, password: string): Promise<Api.InputCheckPasswordSRP> {
  const { worker, pending } = srpWorker();
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Referenced while a proof is under way, so a short script waiting on a login still gets its answer.
    worker.ref();
    worker.postMessage({ id, request: request.getBytes(), password });
  });
}
