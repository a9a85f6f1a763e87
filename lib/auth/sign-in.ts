import { AsyncLocalStorage } from "node:async_hooks";
import { z } from "zod";
import type { Db } from "@/db";
import {
  releaseSignInAttempt,
  reserveSignInAttempt as reserveAttemptRow,
  type SignInAttempt,
} from "@/db/queries/sign-in";
import {
  bumpSessionVersion,
  findUserByEmail,
  findUserById,
  normalizeEmail,
  recordSignIn,
  setPassword,
} from "@/db/queries/users";
import { revokeTokensOnPasswordChange } from "@/db/queries/api-tokens";
import { hasConfirmedFactor } from "@/db/queries/second-factors";
import { requestMeta, writeAudit, type RequestMeta } from "@/lib/audit";
import { log } from "@/lib/log";
import { forgetVerifiedTokens, type UserActor } from "./actors";
import { issueSignInTicket, type PendingSignIn } from "./second-factor";

import { dummyPasswordHash, hashPassword, verifyPassword } from "./password";

export { dummyPasswordHash, hashPassword, verifyPassword };

/** What a new password must satisfy: length, not composition rules (NIST SP 800-63B). */
export const newPasswordSchema = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(128, "Use at most 128 characters.");

/** After this many failures within the window, per account and per IP, sign-in answers 429. */
export const maxFailures = 5;
export const throttleWindowMs = 15 * 60_000;

export type { SignInAttempt };
export type Reservation = { kind: "reserved"; id: number } | { kind: "throttled"; retryAfter: number };

/**
 * Counts the attempt as a failure before its password is hashed, or refuses it when the account or the address
 * already has `maxFailures` failures (reserved attempts included) in the window. The wait ends when the oldest
 * of those leaves the window. A right password releases its reservation.
 */
export async function reserveSignInAttempt(db: Db, attempt: SignInAttempt, now = new Date()): Promise<Reservation> {
  const since = new Date(now.getTime() - throttleWindowMs);
  const reserved = await reserveAttemptRow(db, attempt, now, since, maxFailures);
  if ("reservedId" in reserved) return { kind: "reserved", id: reserved.reservedId };
  const waits = [reserved.recent.byEmail, reserved.recent.byIp].flatMap((times) => {
    const oldest = times[maxFailures - 1];
    return oldest ? [Math.ceil((oldest.getTime() + throttleWindowMs - now.getTime()) / 1000)] : [];
  });
  return { kind: "throttled", retryAfter: Math.max(1, ...waits) };
}

/** At most this many sign-ins hash a password at once (scrypt takes 128 MiB each), and this many wait. */
export const signInHashingSlots = 2;
export const signInQueueLength = 8;
const hashing = { running: 0, waiting: [] as (() => void)[] };

/** A hashing slot for one sign-in: its release function, after a wait in the queue, or null when the queue is full. */
export async function takeHashingSlot(): Promise<(() => void) | null> {
  if (hashing.running >= signInHashingSlots) {
    if (hashing.waiting.length >= signInQueueLength) return null;
    await new Promise<void>((resolve) => hashing.waiting.push(resolve));
  } else {
    hashing.running++;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = hashing.waiting.shift();
    // The slot passes straight to the next in line, so `running` counts it without a gap.
    if (next) next();
    else hashing.running--;
  };
}

/** The credentials sign-in endpoint, below Auth.js's base path. */
export function isCredentialsSignIn(request: Request): boolean {
  return request.method === "POST" && new URL(request.url).pathname.endsWith("/callback/credentials");
}

/** Sign-in forms carry an email, a password, a CSRF token and a callback URL: a few hundred bytes. */
export const maxSignInBodyBytes = 16 * 1024;

/** What a throttled sign-in (password or second factor) is told. */
export function throttledMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export type SignInGateOutcome<T> =
  | { kind: "answered"; answer: T }
  | { kind: "second_factor"; pending: PendingSignIn }
  | { kind: "throttled"; retryAfter: number; message: string }
  | { kind: "busy"; retryAfter: number; message: string };

/** A reserved attempt: whether its password was checked, and the ticket when it passed for a member with a factor. */
type ReservedAttempt = { id: number; checked: boolean; pending?: PendingSignIn };

const reservedAttempt = new AsyncLocalStorage<ReservedAttempt>();

/**
 * One credentials sign-in: the attempt is reserved against the throttle (refused past the limit), then waits for
 * a hashing slot (refused when the queue is full), then `authjs` runs with the reservation that
 * `authorizeCredentials` takes. `body` is the request body, already read with its size limit.
 */
export async function gateSignIn<T>(
  db: Db,
  request: Request,
  body: string,
  authjs: () => Promise<T>,
): Promise<SignInGateOutcome<T>> {
  const { ip } = requestMeta(request.headers);
  const email = normalizeEmail(submittedEmail(request.headers.get("content-type") ?? "", body));
  const reservation = await reserveSignInAttempt(db, { email, ip });
  if (reservation.kind === "throttled") {
    log.warn({ ip, retryAfter: reservation.retryAfter }, "Sign-in throttled after repeated failures");
    return { kind: "throttled", retryAfter: reservation.retryAfter, message: throttledMessage(reservation.retryAfter) };
  }
  const store: ReservedAttempt = { id: reservation.id, checked: false };
  const release = await takeHashingSlot();
  try {
    if (!release) {
      log.warn({ ip }, "Sign-in refused: too many sign-ins are waiting to be checked");
      return {
        kind: "busy",
        retryAfter: 2,
        message: "The console is busy checking other sign-ins. Try again shortly.",
      };
    }
    const answer = await reservedAttempt.run(store, authjs);
    return store.pending ? { kind: "second_factor", pending: store.pending } : { kind: "answered", answer };
  } finally {
    release?.();
    // Refused before its password was checked (queue full, CSRF): not a failed guess.
    if (!store.checked) await releaseSignInAttempt(db, store.id);
  }
}

function submittedEmail(contentType: string, body: string): string {
  let parsed: unknown = null;
  if (contentType.includes("application/json")) {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = null;
    }
  } else {
    parsed = Object.fromEntries(new URLSearchParams(body));
  }
  const email = (parsed as { email?: unknown } | null)?.email;
  return typeof email === "string" ? email.slice(0, 254) : "";
}

/** What the sign-in cookie is issued for. */
export type SignedInUser = { id: string; email: string; sessionVersion: number };

const wellFormedEmail = z.email().max(254);

// Bounded so an oversized body cannot make scrypt or the failure table do unbounded work.
const credentialsSchema = z.object({ email: z.string().max(254), password: z.string().max(1024) });

/**
 * Checks an email and password for the attempt `gateSignIn` reserved (none: refused unchecked). Every failure
 * looks the same to the caller (null) and costs the same time: an unknown email is verified against a dummy hash.
 * A failure keeps its reservation as the counted failure; a success releases it. A member with a second factor
 * gets no sign-in here (null) but a ticket for the factor step, left on the reservation for `gateSignIn`.
 */
export async function authorizeCredentials(
  db: Db,
  credentials: unknown,
  meta: RequestMeta,
  reserved: ReservedAttempt | undefined = reservedAttempt.getStore(),
): Promise<SignedInUser | null> {
  if (!reserved) return null;
  reserved.checked = true;
  const input = credentialsSchema.safeParse(credentials).data ?? { email: "", password: "" };
  const email = normalizeEmail(input.email);
  // Awaited on every path, so computing it once per process does not single out an unknown email.
  const dummyHash = await dummyPasswordHash();
  const user = email ? await findUserByEmail(db, email) : undefined;
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? dummyHash);
  const reason = !user ? "unknown_email" : !passwordOk ? "wrong_password" : user.disabled ? "disabled" : null;

  if (!user || reason) {
    // What was typed is shown to admins: anything but a well-formed email could impersonate one (U+202E, U+200B).
    const named = { id: user?.id ?? null, label: wellFormedEmail.safeParse(email).success ? email : "invalid email" };
    await writeAudit(db, named, { action: "auth.sign_in", outcome: "failure", detail: { reason } }, meta);
    return null;
  }
  if (await hasConfirmedFactor(db, user.id)) {
    reserved.pending = await db.transaction(async (tx) => {
      await releaseSignInAttempt(tx, reserved.id);
      return issueSignInTicket(tx, user);
    });
    return null;
  }
  await db.transaction(async (tx) => {
    await releaseSignInAttempt(tx, reserved.id);
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
 * clears the temporary-password flag and ends every session, this one included, and the API tokens made to die with it.
 */
export async function changePassword(
  db: Db,
  member: Pick<UserActor, "id" | "email">,
  input: ChangePasswordInput,
  meta: RequestMeta,
): Promise<ChangePasswordOutcome> {
  const reservation = await reserveSignInAttempt(db, { email: member.email, ip: meta.ip });
  if (reservation.kind === "throttled") return reservation;
  const user = await findUserById(db, member.id);
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await writeAudit(db, memberNamed(member), { action: "auth.password_change", outcome: "failure" }, meta);
    return { kind: "wrong_password" };
  }
  await db.transaction(async (tx) => {
    await releaseSignInAttempt(tx, reservation.id);
    await setPassword(tx, member.id, await hashPassword(input.newPassword), false);
    const tokensRevoked = await revokeTokensOnPasswordChange(tx, member.id);
    const detail = tokensRevoked ? { tokensRevoked } : undefined;
    await writeAudit(tx, memberNamed(member), { action: "auth.password_change", outcome: "success", detail }, meta);
  });
  forgetVerifiedTokens();
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
