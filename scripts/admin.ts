import { parseArgs } from "node:util";
import { z } from "zod";
import { databaseHandle } from "@/db";
import { createUser, EmailTakenError, normalizeEmail } from "@/db/queries/users";
import { cliActor, writeAudit } from "@/lib/audit";
import { newPasswordSchema, hashPassword } from "@/lib/auth/sign-in";
import { readPassword } from "./read-password";

const usage = `Usage: npm run admin -- create --email <email> --role admin|viewer
The password is read from standard input when it is not a terminal, and prompted for otherwise.`;

const optionsSchema = z.object({
  email: z.email("--email must be an email address").max(254),
  role: z.enum(["admin", "viewer"], "--role must be admin or viewer"),
});

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: "string" }, role: { type: "string" }, help: { type: "boolean" } },
  });
  if (values.help) return say(usage, 0);
  if (positionals.length !== 1 || positionals[0] !== "create") return say(usage, 2);
  const options = optionsSchema.safeParse(values);
  if (!options.success) return say(`${options.error.issues.map((issue) => issue.message).join("; ")}\n${usage}`, 2);
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
    console.error(`Could not create the member: ${describe(error)}`);
    process.exit(1);
  },
);
