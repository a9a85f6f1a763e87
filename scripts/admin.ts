import { parseArgs } from "node:util";
import { z } from "zod";
import { databaseHandle } from "@/db";
import { createUser, EmailTakenError, findUserByEmail, normalizeEmail } from "@/db/queries/users";
import { cliActor, writeAudit } from "@/lib/audit";
import { issueApiToken } from "@/lib/auth/actors";
import { resetFactors } from "@/lib/auth/second-factor";
import { newPasswordSchema, hashPassword } from "@/lib/auth/sign-in";
import { readPassword } from "./read-password";

const usage = `Usage: npm run admin -- create --email <email> --role admin|viewer
       npm run admin -- token create --email <email> --scope read|admin [--name <name>] [--expires-days <1-365>]
       npm run admin -- mfa reset --email <email>
create: a member; the password is read from standard input when it is not a terminal, and prompted for otherwise.
token create: an API token acting for that member, printed once on standard output (scripts and CI reach the API
with it, no browser needed). A viewer's token is read-only.
mfa reset: removes every second factor and recovery code of that member (a sole admin who lost them all); they
sign in with their password and add a factor again.`;

const email = z.email("--email must be an email address").max(254);
const memberOptions = z.object({ email, role: z.enum(["admin", "viewer"], "--role must be admin or viewer") });
const tokenOptions = z.object({
  email,
  scope: z.enum(["read", "admin"], "--scope must be read or admin"),
  name: z.string().trim().min(1, "--name must not be empty").max(80, "--name takes at most 80 characters").optional(),
  "expires-days": z.coerce
    .number("--expires-days must be a whole number from 1 to 365")
    .int("--expires-days must be a whole number from 1 to 365")
    .min(1, "--expires-days must be a whole number from 1 to 365")
    .max(365, "--expires-days must be a whole number from 1 to 365")
    .optional(),
});

const refused = (error: z.ZodError) => say(`${error.issues.map((issue) => issue.message).join("; ")}\n${usage}`, 2);

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: "string" },
      role: { type: "string" },
      scope: { type: "string" },
      name: { type: "string" },
      "expires-days": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return say(usage, 0);
  const command = positionals.join(" ");
  if (command === "token create") {
    const options = tokenOptions.safeParse(values);
    return options.success ? createToken(options.data) : refused(options.error);
  }
  if (command === "mfa reset") {
    if (values.role || values.scope || values.name || values["expires-days"]) return say(usage, 2);
    const options = z.object({ email }).safeParse({ email: values.email });
    return options.success ? resetMemberFactors(options.data.email) : refused(options.error);
  }
  if (command !== "create" || values.scope || values.name || values["expires-days"]) return say(usage, 2);
  const options = memberOptions.safeParse(values);
  if (!options.success) return refused(options.error);
  const password = newPasswordSchema.safeParse(await readPassword());
  if (!password.success) return say(`Password refused: ${password.error.issues[0]?.message}`, 2);

  const handle = await databaseHandle();
  const facts = { action: "team_member.create", target: normalizeEmail(options.data.email) } as const;
  const detail = { role: options.data.role };
  try {
    const member = await handle.db.transaction(async (tx) => {
      const created = await createUser(tx, {
        ...options.data,
        passwordHash: await hashPassword(password.data),
        mustChangePassword: false,
      });
      await writeAudit(tx, cliActor, { ...facts, outcome: "success", detail });
      return created;
    });
    return say(`Created ${member.role} ${member.email}.`, 0, "log");
  } catch (error) {
    if (!(error instanceof EmailTakenError)) throw error;
    await writeAudit(handle.db, cliActor, {
      ...facts,
      outcome: "failure",
      detail: { ...detail, reason: "email_taken" },
    });
    return say(error.message, 1);
  } finally {
    await handle.close();
  }
}

async function createToken(options: z.infer<typeof tokenOptions>): Promise<number> {
  const handle = await databaseHandle();
  const name = options.name ?? `cli token for ${normalizeEmail(options.email)}`;
  const detail = { scope: options.scope, expiresInDays: options["expires-days"] ?? null };
  try {
    const member = await findUserByEmail(handle.db, options.email);
    const problem = !member
      ? "no member has that email"
      : member.disabled
        ? "that member is disabled"
        : member.role === "viewer" && options.scope === "admin"
          ? "a viewer's token can only read: use --scope read"
          : undefined;
    if (problem || !member) {
      await writeAudit(handle.db, cliActor, {
        action: "api_token.create",
        outcome: "failure",
        target: name,
        detail: { ...detail, reason: problem },
      });
      return say(`Refused: ${problem}.`, 1);
    }
    const token = await handle.db.transaction(async (tx) => {
      const issued = await issueApiToken(tx, {
        name,
        scope: options.scope,
        expiresInDays: options["expires-days"],
        createdById: member.id,
      });
      await writeAudit(tx, cliActor, {
        action: "api_token.create",
        outcome: "success",
        target: name,
        detail: { ...detail, id: issued.created.id, prefix: issued.created.prefix, member: member.email },
      });
      return issued.token;
    });
    return say(token, 0, "log");
  } finally {
    await handle.close();
  }
}

async function resetMemberFactors(address: string): Promise<number> {
  const handle = await databaseHandle();
  const target = normalizeEmail(address);
  try {
    const member = await findUserByEmail(handle.db, target);
    if (!member) {
      const detail = { reason: "no member has that email" };
      await writeAudit(handle.db, cliActor, { action: "second_factor.reset", outcome: "failure", target, detail });
      return say("Refused: no member has that email.", 1);
    }
    const removed = await handle.db.transaction(async (tx) => {
      const count = await resetFactors(tx, member.id);
      await writeAudit(tx, cliActor, {
        action: "second_factor.reset",
        outcome: "success",
        target,
        detail: { removed: count },
      });
      return count;
    });
    return say(`Removed ${removed} second factor(s) of ${member.email}; they add one again after signing in.`, 0);
  } finally {
    await handle.close();
  }
}

function say(message: string, code: number, stream: "log" | "error" = code === 0 ? "log" : "error"): number {
  console[stream](message);
  return code;
}

/** The database's own words (a query error's message would repeat the query and its parameters). */
function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(error);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Could not finish: ${describe(error)}`);
    process.exit(1);
  },
);
