import { apiRoute } from "@/lib/api/handler";
import { rotationPolicyPatch, type RotationPolicyView, rotationPolicyView } from "@/lib/api/schemas/settings";
import { readRotationPolicy, writeRotationPolicy } from "@/lib/rotation/policy";

/** The automatic rotation policy: rotate active sessions older than maxAgeDays, at most maxConcurrent at a time. */
export const GET = apiRoute(
  { summary: "The automatic rotation policy", response: rotationPolicyView, role: "admin" },
  ({ db }): Promise<RotationPolicyView> => readRotationPolicy(db),
);

/** Changes any of its fields; the others keep their values. */
export const PATCH = apiRoute(
  {
    summary: "Change the automatic rotation policy",
    response: rotationPolicyView,
    role: "admin",
    body: rotationPolicyPatch,
    audit: { action: "settings.update", target: () => "rotation_policy", detail: ({ body }) => body },
  },
  async ({ db, body, actor }): Promise<RotationPolicyView> =>
    writeRotationPolicy(db, { ...(await readRotationPolicy(db)), ...body }, actor.label),
);
