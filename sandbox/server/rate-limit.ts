/** Sliding-window counters for the sandbox's own flood limits. */
export class RateLimiter {
  private hits = new Map<string, number[]>();

  /** Records a hit unless over the limit; returns the seconds to wait (0 = allowed). */
  hit(key: string, limit: number, windowSeconds: number, now = Date.now()): number {
    const windowMs = windowSeconds * 1000;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - windowMs);
    if (recent.length >= limit) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.set(key, recent);
    return 0;
  }

  clear(): void {
    this.hits.clear();
  }
}
