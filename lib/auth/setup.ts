import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db";
import { consumeSetupTokenHash, insertSetupToken } from "@/db/queries/setup-tokens";
import { adminExists, createUser } from "@/db/queries/users";
import { writeAudit, type RequestMeta } from "@/lib/audit";
import { log } from "@/lib/log";
import { sha256Hex } from "./actors";
import { newPasswordSchema } from "./sign-in";
import { hashPassword } from "@/lib/auth/sign-in";

// On globalThis: once per process, also across hot reloads and Next's separate module graphs.
const holder = globalThis as typeof globalThis & { __setupTokenIssued?: Promise<void> };

/**
 * Issues a one-time setup token the first time this process needs one and prints it in the server log:
 * whoever can read the log may create the first admin. Only its hash is stored.
 */
export function issueSetupToken(db: DbOrTx): Promise<void> {
  holder.__setupTokenIssued ??= issue(db).catch((error: unknown) => {
    holder.__setupTokenIssued = undefined;
    throw error;
  });
  return holder.__setupTokenIssued;
}

async function issue(db: DbOrTx): Promise<void> {
  const token = randomBytes(24).toString("base64url");
  await insertSetupToken(db, sha256Hex(token));
  log.warn(`No admin exists yet. Open /setup and enter this one-time setup token: ${token}`);
}

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
    if (!(await consumeSetupTokenHash(tx, sha256Hex(input.setupToken)))) return "invalid_token";
    const admin = await createUser(tx, {
      email: input.email,
      role: "admin",
      passwordHash: await hashPassword(input.password),
      mustChangePassword: false,
    });
    await writeAudit(tx, { id: admin.id, label: admin.email }, { action: "auth.setup", outcome: "success" }, meta);
    return "created";
  });
  if (outcome !== "created") {
    const named = { id: null, label: input.email.toLowerCase() };
    await writeAudit(db, named, { action: "auth.setup", outcome: "failure", detail: { reason: outcome } }, meta);
  }
  return outcome;
}
