import { randomBytes } from "node:crypto";
import type { Db } from "@/db";
import { insertApiToken } from "@/db/queries/api-tokens";
import { createUser } from "@/db/queries/users";
import { generateApiToken } from "@/lib/auth/actors";
import { hashPassword } from "@/lib/auth/password";

/** An admin and their admin API token, written straight into the crash runs' database (no console runs yet). */
export async function adminApiToken(db: Db): Promise<string> {
  const member = await createUser(db, {
    email: "crash-admin@e2e.test",
    role: "admin",
    passwordHash: await hashPassword(randomBytes(18).toString("base64url")),
    mustChangePassword: false,
  });
  const { token, hash, prefix } = generateApiToken();
  await insertApiToken(db, { name: "crash runs", scope: "admin", tokenHash: hash, prefix, createdById: member.id });
  return token;
}
