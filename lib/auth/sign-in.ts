import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db";
import { recentSignInFailures, recordSignInFailure, type SignInAttempt } from "@/db/queries/sign-in";
import {
  bumpSessionVersion,
  findUserByEmail,
  findUserById,
  normalizeEmail,
  recordSignIn,
  setPassword,
} from "@/db/queries/users";
import { requestMeta, writeAudit, type RequestMeta } from "@/lib/audit";
import { log } from "@/lib/log";
import type { UserActor } from "./actors";

/** OWASP's scrypt parameters: N=2^17, r=8, p=1 (128 MiB per hash). */
const defaults = { logN: 17, r: 8, p: 1 };
const saltBytes = 16;
const keyBytes = 32;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** logN;
  const options: ScryptOptions = { N, r, p, maxmem: 2 * 128 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, keyBytes, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A self-describing hash: `$scrypt$ln=17,r=8,p=1$<salt>$<key>` (base64url), so parameters can change later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(saltBytes);
  const { logN, r, p } = defaults;
  const key = await derive(password, salt, logN, r, p);
  return `$scrypt$ln=${logN},r=${r},p=${p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

const encoded = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([\w-]+)\$([\w-]+)$/;

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = encoded.exec(stored);
  if (!match) throw new Error("Unrecognised password hash format");
  const [, logN, r, p, salt, key] = match as unknown as [string, string, string, string, string, string];
  const expected = Buffer.from(key, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"), Number(logN), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let dummy: Promise<string> | undefined;

/** A hash of a random password, so a sign-in for an unknown email costs the same time as a real one. */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString("base64url"));
  return dummy;
}

/** What a new password must satisfy: length, not composition rules (NIST SP 800-63B). */
export const newPasswordSchema = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(128, "Use at most 128 characters.");

/** After this many failures within the window, per account and per IP, sign-in answers 429. */
export const maxFailures = 5;
export const throttleWindowMs = 15 * 60_000;

/**
 * Seconds until the attempt may be made again, or null when it may be made now. The wait ends when
 * the oldest of the last `maxFailures` failures leaves the window.
 */
export async function signInRetryAfter(db: DbOrTx, attempt: SignInAttempt, now = new Date()): Promise<number | null> {
  const since = new Date(now.getTime() - throttleWindowMs);
  const { byEmail, byIp } = await recentSignInFailures(db, attempt, since, maxFailures);
  const waits = [byEmail, byIp].flatMap((times) => {
    const oldest = times[maxFailures - 1];
    return oldest ? [Math.ceil((oldest.getTime() + throttleWindowMs - now.getTime()) / 1000)] : [];
  });
  return waits.length ? Math.max(1, ...waits) : null;
}

export function countSignInFailure(db: DbOrTx, attempt: SignInAttempt, now = new Date()): Promise<void> {
  return recordSignInFailure(db, attempt, now, new Date(now.getTime() - throttleWindowMs));
}

/** The credentials sign-in endpoint, below Auth.js's base path. */
export function isCredentialsSignIn(request: Request): boolean {
  return request.method === "POST" && new URL(request.url).pathname.endsWith("/callback/credentials");
}

/** A 429 for a sign-in attempt on a throttled account or from a throttled address, or null to let it through. */
export async function throttledSignIn(db: DbOrTx, request: Request): Promise<Response | null> {
  const { ip } = requestMeta(request.headers);
  const email = normalizeEmail(await submittedEmail(request.clone()));
  const retryAfter = await signInRetryAfter(db, { email, ip });
  if (retryAfter === null) return null;
  log.warn({ ip, retryAfter }, "Sign-in throttled after repeated failures");
  const minutes = Math.ceil(retryAfter / 60);
  const message = `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  return Response.json(
    { error: { code: "too_many_attempts", message } },
    { status: 429, headers: { "Retry-After": String(retryAfter), "Cache-Control": "no-store" } },
  );
}

async function submittedEmail(request: Request): Promise<string> {
  const type = request.headers.get("content-type") ?? "";
  const body: unknown = type.includes("application/json")
    ? await request.json().catch(() => null)
    : Object.fromEntries(new URLSearchParams(await request.text()));
  const email = (body as { email?: unknown } | null)?.email;
  return typeof email === "string" ? email.slice(0, 254) : "";
}

/** What the sign-in cookie is issued for. */
export type SignedInUser = { id: string; email: string; sessionVersion: number };

// Bounded so an oversized body cannot make scrypt or the failure table do unbounded work.
const credentialsSchema = z.object({ email: z.string().max(254), password: z.string().max(1024) });

/**
 * Checks an email and password. Every failure looks the same to the caller (null) and costs the same
 * time: an unknown email is verified against a dummy hash. Failures are counted for throttling.
 */
export async function authorizeCredentials(
  db: Db,
  credentials: unknown,
  meta: RequestMeta,
): Promise<SignedInUser | null> {
  const input = credentialsSchema.safeParse(credentials).data ?? { email: "", password: "" };
  const email = normalizeEmail(input.email);
  // Awaited on every path, so computing it once per process does not single out an unknown email.
  const dummyHash = await dummyPasswordHash();
  const user = email ? await findUserByEmail(db, email) : undefined;
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? dummyHash);
  const reason = !user ? "unknown_email" : !passwordOk ? "wrong_password" : user.disabled ? "disabled" : null;

  if (!user || reason) {
    await db.transaction(async (tx) => {
      await countSignInFailure(tx, { email, ip: meta.ip });
      const named = { id: user?.id ?? null, label: email };
      await writeAudit(tx, named, { action: "auth.sign_in", outcome: "failure", detail: { reason } }, meta);
    });
    return null;
  }
  await db.transaction(async (tx) => {
    await recordSignIn(tx, user.id);
    await writeAudit(tx, { id: user.id, label: email }, { action: "auth.sign_in", outcome: "success" }, meta);
  });
  return { id: user.id, email: user.email, sessionVersion: user.sessionVersion };
}

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(1024),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
export type ChangePasswordOutcome =
  { kind: "changed" } | { kind: "wrong_password" } | { kind: "throttled"; retryAfter: number };

/**
 * Replaces the member's password after checking the current one (guesses count toward sign-in throttling),
 * clears the temporary-password flag and ends every session, this one included.
 */
export async function changePassword(
  db: Db,
  member: Pick<UserActor, "id" | "email">,
  input: ChangePasswordInput,
  meta: RequestMeta,
): Promise<ChangePasswordOutcome> {
  const attempt = { email: member.email, ip: meta.ip };
  const retryAfter = await signInRetryAfter(db, attempt);
  if (retryAfter !== null) return { kind: "throttled", retryAfter };
  const user = await findUserById(db, member.id);
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await db.transaction(async (tx) => {
      await countSignInFailure(tx, attempt);
      await writeAudit(tx, memberNamed(member), { action: "auth.password_change", outcome: "failure" }, meta);
    });
    return { kind: "wrong_password" };
  }
  await db.transaction(async (tx) => {
    await setPassword(tx, member.id, input.newPassword, false);
    await writeAudit(tx, memberNamed(member), { action: "auth.password_change", outcome: "success" }, meta);
  });
  return { kind: "changed" };
}

/** Ends every session of the member (all their cookies stop working) and records it. */
export async function signOutMember(db: Db, member: Pick<UserActor, "id" | "email">, meta: RequestMeta): Promise<void> {
  await db.transaction(async (tx) => {
    await bumpSessionVersion(tx, member.id);
    await writeAudit(tx, memberNamed(member), { action: "auth.sign_out", outcome: "success" }, meta);
  });
}

/** The audit name of a signed-in member acting on their own account. */
function memberNamed(member: Pick<UserActor, "id" | "email">) {
  return { id: member.id, label: member.email };
}
