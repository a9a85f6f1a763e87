/**
 * Exponential backoff with full jitter: a random delay in [cap/2, cap] where cap = min(maxMs, baseMs * 2^attempt).
 * The lower half is kept so retries never bunch up at zero.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const cap = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
