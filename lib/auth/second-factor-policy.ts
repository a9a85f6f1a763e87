import { z } from "zod";
import type { DbOrTx } from "@/db";
import { readSetting, writeSetting } from "@/db/queries/console-settings";
import { env } from "@/lib/env";

export const secondFactorPolicySchema = z.object({
  requireAdminMfa: z.boolean("requireAdminMfa is true or false."),
});
export type SecondFactorPolicy = z.infer<typeof secondFactorPolicySchema>;

/**
 * On for a new install (no stored setting); the migration that added the policy stored it off for installs that
 * already had members, so their admins sign in as before until an admin turns it on.
 */
const defaultPolicy: SecondFactorPolicy = { requireAdminMfa: true };
const key = "second_factor_policy";

export async function readSecondFactorPolicy(db: DbOrTx): Promise<SecondFactorPolicy> {
  const stored = secondFactorPolicySchema.safeParse({ ...defaultPolicy, ...(await readSetting(db, key)) });
  return stored.success ? stored.data : defaultPolicy;
}

export async function writeSecondFactorPolicy(
  db: DbOrTx,
  policy: SecondFactorPolicy,
  updatedBy: string,
): Promise<SecondFactorPolicy> {
  await writeSetting(db, key, policy, updatedBy);
  return policy;
}

/**
 * Whether this member must add a second factor before anything else: an admin without one while the policy is on.
 * `REQUIRE_ADMIN_MFA=off` (unsafe, for test setups) lifts it whatever the setting says.
 */
export async function mustEnrolFactor(db: DbOrTx, member: { role: string; hasFactor: boolean }): Promise<boolean> {
  if (member.role !== "admin" || member.hasFactor || env().REQUIRE_ADMIN_MFA === "off") return false;
  return (await readSecondFactorPolicy(db)).requireAdminMfa;
}
