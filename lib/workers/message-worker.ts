import { Worker } from "node:worker_threads";

type Pending<Result> = { resolve(result: Result): void; reject(error: Error): void };
type Answer = { id: number; error?: string };

/**
 * One long-lived worker thread running `source` (CommonJS, eval'd: it can require() packages, not the console's
 * TypeScript), asked with messages `{ id, ...request }` and answering `{ id, ...result }` or `{ id, error }`; an
 * abandoned request is sent `{ id, cancel: true }`. Referenced only while a request is under way, so it never keeps
 * the process alive; started again on the next request after it dies. `failed` turns the worker's error, an
 * abandonment or its death into the error callers get.
 */
export class MessageWorker<Request extends object, Result> {
  private running: { worker: Worker; pending: Map<number, Pending<Result>> } | undefined;
  private lastId = 0;

  constructor(
    private readonly source: string,
    private readonly failed: (reason: string) => Error,
  ) {}

  ask(request: Request, signal?: AbortSignal): Promise<Result> {
    const { worker, pending } = this.start();
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      const abandon = () => {
        if (!pending.delete(id)) return;
        if (pending.size === 0) worker.unref();
        worker.postMessage({ id, cancel: true });
        reject(this.failed("abandoned"));
      };
      const settled = () => signal?.removeEventListener("abort", abandon);
      pending.set(id, {
        resolve: (result) => (settled(), resolve(result)),
        reject: (error) => (settled(), reject(error)),
      });
      worker.ref();
      worker.postMessage({ ...request, id });
      if (signal?.aborted) abandon();
      else signal?.addEventListener("abort", abandon, { once: true });
    });
  }

  private start() {
    if (this.running) return this.running;
    const worker = new Worker(this.source, { eval: true });
    const pending = new Map<number, Pending<Result>>();
    const ended = (reason: string) => {
      if (this.running?.worker === worker) this.running = undefined;
      for (const waiting of pending.values()) waiting.reject(this.failed(reason));
      pending.clear();
    };
    worker.on("message", ({ id, error, ...result }: Answer) => {
      const waiting = pending.get(id);
      pending.delete(id);
      if (pending.size === 0) worker.unref();
      if (error !== undefined) waiting?.reject(this.failed(error));
      else waiting?.resolve(result as Result);
    });
    worker.on("error", (error) => ended(error.message));
    worker.on("exit", (code) => ended(`the worker exited with ${code} before answering`));
    this.running = { worker, pending };
    return this.running;
  }
}
