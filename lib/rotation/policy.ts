import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { consoleSettings } from "@/db/schema";

export const rotationPolicySchema = z.object({
  enabled: z.boolean("Enabled is true or false."),
  maxAgeDays: z
    .number("Send a number of days.")
    .int("Whole days only.")
    .min(1, "At least 1 day.")
    .max(3650, "At most 3650 days."),
  maxConcurrent: z.number("Send a number.").int("A whole number.").min(1, "At least 1.").max(50, "At most 50."),
});

export type RotationPolicy = z.infer<typeof rotationPolicySchema>;

/** Off until an admin turns it on. */
export const defaultRotationPolicy: RotationPolicy = { enabled: false, maxAgeDays: 30, maxConcurrent: 2 };

const key = "rotation_policy";

export async function readRotationPolicy(db: DbOrTx): Promise<RotationPolicy> {
  const row = await db.query.consoleSettings.findFirst({ where: eq(consoleSettings.key, key) });
  const stored = rotationPolicySchema.safeParse({ ...defaultRotationPolicy, ...row?.value });
  return stored.success ? stored.data : defaultRotationPolicy;
}

export async function writeRotationPolicy(
  db: DbOrTx,
  policy: RotationPolicy,
  updatedBy: string,
): Promise<RotationPolicy> {
  const values = { value: policy, updatedBy, updatedAt: new Date() };
  await db
    .insert(consoleSettings)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: consoleSettings.key, set: values });
  return policy;
}
