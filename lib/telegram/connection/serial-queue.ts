/** Runs jobs one after another (a session's calls to Telegram never overlap). */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  get size(): number {
    return this.pending;
  }

  push<T>(job: () => Promise<T>): Promise<T> {
    this.pending++;
    const run = this.tail.then(job).finally(() => this.pending--);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
