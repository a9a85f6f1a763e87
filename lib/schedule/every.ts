import { log } from "@/lib/log";

/**
 * Runs `pass` now and every `intervalMs`, never two at once (a tick while one runs is skipped); a failure is logged
 * as `failure` and the next tick tries again. The timer does not keep the process alive. Stopping waits for the pass
 * in progress.
 */
export function runEvery(intervalMs: number, pass: () => Promise<unknown>, failure: string): () => Promise<void> {
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = pass()
      .catch((error: unknown) => log.warn({ err: error }, failure))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
