import type { z } from "zod";
import { secondFactorPolicySchema } from "@/lib/auth/second-factor-policy";
import { rotationPolicySchema } from "@/lib/rotation/policy";

/** The automatic rotation policy as the API shows it; a PATCH sends any of its fields. */
export type RotationPolicyView = z.infer<typeof rotationPolicySchema>;
export const rotationPolicyView = rotationPolicySchema;
export const rotationPolicyPatch = rotationPolicySchema.partial().strict();

/** The second-factor policy as the API shows it; a PATCH sends its field. */
export type SecondFactorPolicyView = z.infer<typeof secondFactorPolicySchema>;
export const secondFactorPolicyView = secondFactorPolicySchema;
export const secondFactorPolicyPatch = secondFactorPolicySchema.strict();
