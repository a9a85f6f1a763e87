import { spawn } from "node:child_process";
import { e2eDatabaseUrl } from "./database-url";
import { firstAdmin, type Member } from "./members";

type CliResult = { code: number; output: string };

/** `npm run admin -- create --email E --role R` with the password on standard input, as an operator scripts it. */
export function runAdminCreate(member: Member): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "npx",
      [
        "tsx",
        "--conditions=react-server",
        "scripts/admin.ts",
        "create",
        "--email",
        member.email,
        "--role",
        member.role,
      ],
      {
        env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
        stdio: ["pipe", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
    child.stdin.end(`${member.password}\n`);
  });
}

/** Creates a member through the admin CLI; fails the test with the CLI's own words otherwise. */
export async function createMemberWithCli(member: Member): Promise<Member> {
  const result = await runAdminCreate(member);
  if (result.code !== 0)
    throw new Error(`admin CLI refused ${member.email} (exit ${result.code}): ${result.output.trim()}`);
  return member;
}

let firstAdminEnsured: Promise<Member> | undefined;

/**
 * The first admin, for specs run on their own: created through the CLI unless first-run setup
 * (01-first-run) already created it with the same email and password. Once per worker process:
 * the server, and so the admin, lives for the whole run.
 */
export function ensureFirstAdmin(): Promise<Member> {
  firstAdminEnsured ??= runAdminCreate(firstAdmin).then((result) => {
    if (result.code !== 0 && !result.output.includes("already exists")) {
      firstAdminEnsured = undefined;
      throw new Error(`admin CLI could not create the first admin (exit ${result.code}): ${result.output.trim()}`);
    }
    return firstAdmin;
  });
  return firstAdminEnsured;
}
