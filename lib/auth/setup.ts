import { z } from "zod";
import type { Db } from "@/db";
import { adminExists, createUser } from "@/db/queries/users";
import { writeAuthAudit } from "./audit";
import { newPasswordSchema } from "./password-policy";
import type { RequestMeta } from "./request-meta";
import { consumeSetupToken } from "./setup-token";

export const setupSchema = z
  .object({
    setupToken: z.string().trim().min(1, "Enter the setup token from the server log.").max(200),
    email: z.email("Enter a valid email address.").max(254),
    password: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((input) => input.password === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  });

export type SetupInput = z.infer<typeof setupSchema>;
export type SetupOutcome = "created" | "invalid_token" | "already_set_up";

/** Creates the first admin, once, for whoever holds a setup token from the server log. */
export async function createFirstAdmin(db: Db, input: SetupInput, meta: RequestMeta): Promise<SetupOutcome> {
  const outcome = await db.transaction(async (tx): Promise<SetupOutcome> => {
    if (await adminExists(tx)) return "already_set_up";
    if (!(await consumeSetupToken(tx, input.setupToken))) return "invalid_token";
    const admin = await createUser(tx, {
      email: input.email,
      role: "admin",
      password: input.password,
      mustChangePassword: false,
    });
    await writeAuthAudit(tx, { action: "auth.setup", outcome: "success", actorId: admin.id, email: admin.email, meta });
    return "created";
  });
  if (outcome !== "created") {
    await writeAuthAudit(db, {
      action: "auth.setup",
      outcome: "failure",
      actorId: null,
      email: input.email.toLowerCase(),
      meta,
      detail: { reason: outcome },
    });
  }
  return outcome;
}
