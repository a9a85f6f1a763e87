import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { memberFactors, users, type Role, type User } from "@/db/schema";

/** A member as pages and APIs may see it: everything but the password hash. */
export type Member = Omit<User, "passwordHash">;

const memberColumns = {
  id: true,
  email: true,
  role: true,
  disabled: true,
  mustChangePassword: true,
  sessionVersion: true,
  createdAt: true,
  lastSignInAt: true,
} as const;

export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`A member with the email ${email} already exists.`);
    this.name = "EmailTakenError";
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** `passwordHash` as lib/auth's hashPassword makes it: this module never sees a password. */
export type NewUser = { email: string; role: Role; passwordHash: string; mustChangePassword: boolean };

/** Creates a member; throws EmailTakenError when the (lower-cased) email is in use. */
export async function createUser(db: DbOrTx, input: NewUser): Promise<Member> {
  const email = normalizeEmail(input.email);
  try {
    const [created] = await db
      .insert(users)
      .values({
        email,
        role: input.role,
        passwordHash: input.passwordHash,
        mustChangePassword: input.mustChangePassword,
      })
      .returning({ id: users.id });
    return (await findMemberById(db, created!.id))!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError(email);
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const codeOf = (value: unknown) => (value as { code?: unknown } | undefined)?.code;
  return codeOf(error) === "23505" || codeOf((error as { cause?: unknown }).cause) === "23505";
}

/** The full row, password hash included: for sign-in only. */
export function findUserByEmail(db: DbOrTx, email: string): Promise<User | undefined> {
  return db.query.users.findFirst({ where: eq(users.email, normalizeEmail(email)) });
}

export function findUserById(db: DbOrTx, id: string): Promise<User | undefined> {
  return db.query.users.findFirst({ where: eq(users.id, id) });
}

export function findMemberById(db: DbOrTx, id: string): Promise<Member | undefined> {
  return db.query.users.findFirst({ where: eq(users.id, id), columns: memberColumns });
}

/**
 * The member and whether they have a confirmed second factor, in one query: every cookie request reads both.
 * Inside a relational query the root table's columns render unqualified and an alias() without its table, hence
 * `${users}.id` and the factor table aliased by hand.
 */
export function findMemberWithFactor(db: DbOrTx, id: string): Promise<(Member & { hasFactor: boolean }) | undefined> {
  return db.query.users.findFirst({
    where: eq(users.id, id),
    columns: memberColumns,
    extras: {
      hasFactor: sql<boolean>`exists (select 1 from ${memberFactors} factor
        where factor.user_id = ${users}.id and factor.confirmed_at is not null)`.as("has_factor"),
    },
  });
}

export function listUsers(db: DbOrTx): Promise<Member[]> {
  return db.query.users.findMany({ columns: memberColumns, orderBy: [asc(users.createdAt), asc(users.email)] });
}

/** Whether the console has been set up: any admin row, even a disabled one, closes first-run setup. */
export async function adminExists(db: DbOrTx): Promise<boolean> {
  const admin = await db.query.users.findFirst({ where: eq(users.role, "admin"), columns: { id: true } });
  return admin !== undefined;
}

/** Ends every session of the member: cookies carrying an older version stop working on their next request. */
export async function bumpSessionVersion(db: DbOrTx, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

/** Sets a new password (its hash) and ends the member's sessions; `mustChangePassword` marks a temporary one. */
export async function setPassword(
  db: DbOrTx,
  userId: string,
  passwordHash: string,
  mustChangePassword: boolean,
): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

export async function recordSignIn(db: DbOrTx, userId: string): Promise<void> {
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, userId));
}
