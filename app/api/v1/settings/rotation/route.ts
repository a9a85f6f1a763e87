import { apiRoute } from "@/lib/api/handler";
import {
  readRotationPolicy,
  rotationPolicySchema,
  writeRotationPolicy,
  type RotationPolicy,
} from "@/lib/rotation/policy";

/** The automatic rotation policy: rotate active sessions older than maxAgeDays, at most maxConcurrent at a time. */
export const GET = apiRoute({ role: "admin" }, ({ db }): Promise<RotationPolicy> => readRotationPolicy(db));

/** Changes any of its fields; the others keep their values. */
export const PATCH = apiRoute(
  {
    role: "admin",
    body: rotationPolicySchema.partial().strict(),
    audit: { action: "settings.update", target: () => "rotation_policy", detail: ({ body }) => body },
  },
  async ({ db, body, actor }): Promise<RotationPolicy> =>
    writeRotationPolicy(db, { ...(await readRotationPolicy(db)), ...body }, actor.label),
);
