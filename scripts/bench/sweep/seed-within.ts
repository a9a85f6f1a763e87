import type { Db } from "@/db";
import { sandboxPhone, seedSandboxSessions } from "@/lib/health/testing/seed-sessions";

/** Real sandbox logins in batches of 100 until `wanted` sessions exist or `budgetSeconds` ran out. */
export async function seedWithinBudget(db: Db, wanted: number, budgetSeconds: number): Promise<{ phones: string[]; seconds: number }> {
  const phones: string[] = [];
  const started = performance.now();
  while (phones.length < wanted && (performance.now() - started) / 1000 < budgetSeconds) {
    const batch = Array.from({ length: Math.min(100, wanted - phones.length) }, (_, i) => {
      const n = phones.length + i;
      return sandboxPhone(1 + (n % 3), 1 + Math.floor(n / 3));
    });
    await seedSandboxSessions(db, batch, 8);
    phones.push(...batch);
  }
  return { phones, seconds: (performance.now() - started) / 1000 };
}
