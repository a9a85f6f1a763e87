import { vi } from "vitest";
import type { Db } from "@/db";
import { insertApiToken } from "@/db/queries/api-tokens";
import { createUser } from "@/db/queries/users";
import type { Role, TokenScope } from "@/db/schema";
import { generateApiToken } from "@/lib/auth/actors";
import { createTestDatabase, type TestDriver } from "@/tests/support/database";
import { hashPassword } from "@/lib/auth/sign-in";

/**
 * Route tests swap the app's database for a test one: `vi.mock("@/db", () => testDbModule)`,
 * then `useTestDb(db)` in beforeAll. Requests then go through the real guard with real tokens.
 */
const current: { db?: Db } = {};
export const testDbModule = {
  getDb: vi.fn(async () => {
    if (!current.db) throw new Error("useTestDb was not called");
    return current.db;
  }),
};
export function useTestDb(db: Db) {
  current.db = db;
}

let memberPasswordHash: Promise<string> | undefined;

/**
 * The password hash of the members tests make to act as (they never sign in with it): one per process, since
 * each hash is a 128 MiB scrypt.
 */
export function testMemberPasswordHash(): Promise<string> {
  memberPasswordHash ??= hashPassword("a long test password");
  return memberPasswordHash;
}

/** A member with an API token of the given scope, for calling routes as them. */
export async function memberWithToken(
  db: Db,
  email: string,
  role: Role,
  scope: TokenScope = role === "admin" ? "admin" : "read",
) {
  const member = await createUser(db, {
    email,
    role,
    passwordHash: await testMemberPasswordHash(),
    mustChangePassword: false,
  });
  const { token, hash, prefix } = generateApiToken();
  const created = await insertApiToken(db, {
    name: `${email} token`,
    scope,
    tokenHash: hash,
    prefix,
    createdById: member.id,
  });
  return { member, token, tokenId: created.id };
}

/** A fresh database of the driver made the app's `@/db`, with an admin's and a viewer's API token. */
export async function routeTestDatabase(driver: TestDriver) {
  const database = await createTestDatabase(driver);
  current.db = database.db;
  const admin = (await memberWithToken(database.db, `admin-${driver}@example.com`, "admin")).token;
  const viewer = (await memberWithToken(database.db, `viewer-${driver}@example.com`, "viewer")).token;
  return { database, admin, viewer };
}
