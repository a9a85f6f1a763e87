import { percentile } from "../bench/figure";

/** Every request the soak made: how many, how fast, and each failure (the first few kept word for word). */
export class Tally {
  private readonly latencies: number[] = [];
  private readonly failures = new Map<string, number>();
  private failureCount = 0;

  ok(latencyMs: number): void {
    this.latencies.push(latencyMs);
  }

  /** `what` names the failure without secrets: method, route shape, status and the answer's error code. */
  fail(what: string): void {
    this.failureCount++;
    this.failures.set(what, (this.failures.get(what) ?? 0) + 1);
  }

  get errors(): number {
    return this.failureCount;
  }

  summary(): { requests: number; errors: number; p50Ms: number; p99Ms: number; failures: Record<string, number> } {
    return {
      requests: this.latencies.length + this.failureCount,
      errors: this.failureCount,
      p50Ms: percentile(this.latencies, 0.5),
      p99Ms: percentile(this.latencies, 0.99),
      failures: Object.fromEntries([...this.failures].slice(0, 20)),
    };
  }
}
