import type { z } from "zod";
import { rotationPolicySchema } from "@/lib/rotation/policy";

/** The automatic rotation policy as the API shows it; a PATCH sends any of its fields. */
export type RotationPolicyView = z.infer<typeof rotationPolicySchema>;
export const rotationPolicyPatch = rotationPolicySchema.partial().strict();
