import { randomBytes } from "node:crypto";
import type { Db } from "@/db";
import { insertApiToken } from "@/db/queries/api-tokens";
import { createUser } from "@/db/queries/users";
import { generateApiToken } from "@/lib/auth/actors";
import { hashPassword } from "@/lib/auth/sign-in";

export type BenchCredentials = { email: string; password: string; token: string };

/** A member to sign in as (admin: /login sends a console without one to first-run setup) and an API token (read unless asked). Never printed. */
export async function createBenchCredentials(db: Db, scope: "read" | "admin" = "read"): Promise<BenchCredentials> {
  const email = `bench-${randomBytes(4).toString("hex")}@example.test`;
  const password = randomBytes(18).toString("base64url");
  const member = await createUser(db, {
    email,
    role: "admin",
    passwordHash: await hashPassword(password),
    mustChangePassword: false,
  });
  const { token, hash, prefix } = generateApiToken();
  await insertApiToken(db, { name: "bench", scope, tokenHash: hash, prefix, createdById: member.id });
  return { email, password, token };
}
