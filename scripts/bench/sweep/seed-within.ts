import type { Db } from "@/db";
import { seedMintedSessions, sandboxPhone } from "@/tests/support/sandbox-sessions";

/** Sessions minted by the sandbox (no real logins) in batches of 200 until `wanted` exist or `budgetSeconds` ran out. */
export async function seedWithinBudget(
  db: Db,
  wanted: number,
  budgetSeconds: number,
): Promise<{ phones: string[]; seconds: number }> {
  const phones: string[] = [];
  const started = performance.now();
  while (phones.length < wanted && (performance.now() - started) / 1000 < budgetSeconds) {
    const batch = Array.from({ length: Math.min(200, wanted - phones.length) }, (_, i) => {
      const n = phones.length + i;
      return sandboxPhone(1 + (n % 3), 1 + Math.floor(n / 3));
    });
    await seedMintedSessions(db, batch);
    phones.push(...batch);
  }
  return { phones, seconds: (performance.now() - started) / 1000 };
}
