import { createHmac, hkdfSync, randomBytes, randomInt, randomUUID } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db";
import {
  confirmedFactorsOfKind,
  confirmTotp,
  deleteAllFactors,
  deleteFactor,
  deletePendingTotps,
  findPendingTotp,
  findSignInTicket,
  hasConfirmedFactor,
  insertPendingTotp,
  insertSignInTicket,
  listFactors,
  replaceRecoveryCodes,
  takeSignInTicket,
  unusedRecoveryCodeCount,
  spendRecoveryCode,
  spendTotpStep,
  type FactorSummary,
} from "@/db/queries/second-factors";
import { releaseSignInAttempt } from "@/db/queries/sign-in";
import { findUserById, recordSignIn, type Member } from "@/db/queries/users";
import { writeAudit, type RequestMeta } from "@/lib/audit";
import { DomainError } from "@/lib/errors/domain";
import { secrets } from "@/lib/keys/encrypted-columns";
import { decrypt, encrypt, loadKeyRing } from "@/lib/vault";
import { sha256Hex } from "./actors";
import { authSecret } from "./cookies";
import { reserveSignInAttempt, type SignedInUser } from "./sign-in";

/** How long the password step's ticket may be exchanged for a sign-in. */
export const ticketLifetimeMs = 5 * 60_000;
export const recoveryCodeCount = 10;

const totpPeriod = 30;
/** One time step either side of now (±30 s): tolerates clock drift and a code typed as it rolls over. */
const totpTolerance = totpPeriod;
const totpIssuer = "Telegram Session Console";

/** A proof of the second factor, as the sign-in page and the step-up prompt send it. */
export const factorProofSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("totp"), code: z.string().max(32) }),
  z.object({ method: z.literal("recovery"), code: z.string().max(64) }),
]);
export type FactorProof = z.infer<typeof factorProofSchema>;
export type ProofMethod = FactorProof["method"];

const epochSeconds = (now: Date) => Math.floor(now.getTime() / 1000);

/** The time step a code proves for this secret (±1 step around now), or null. */
export async function totpStep(secret: string, code: string, now: Date): Promise<number | null> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({ secret, token, epoch: epochSeconds(now), epochTolerance: totpTolerance });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/**
 * Starts a TOTP enrolment: a new secret, sealed by the vault, waiting for its first code. The secret and its
 * otpauth URI are in the answer this once, for the member to scan or type into their app.
 */
export async function beginTotpEnrolment(
  db: DbOrTx,
  member: { id: string; email: string },
  name: string,
): Promise<{ id: string; secret: string; uri: string }> {
  const id = randomUUID();
  const secret = generateSecret();
  const secretCiphertext = encrypt(loadKeyRing(), secret, secrets.factorSecret.binding(id));
  await deletePendingTotps(db, member.id);
  await insertPendingTotp(db, { id, userId: member.id, name, secretCiphertext });
  return { id, secret, uri: generateURI({ issuer: totpIssuer, label: member.email, secret }) };
}

/**
 * Confirms a TOTP enrolment with a code from the app. The member's first factor comes with their recovery codes
 * (in the answer this once); later ones leave the codes as they are.
 */
export async function confirmTotpEnrolment(
  db: DbOrTx,
  member: { id: string },
  input: { id: string; code: string },
  now = new Date(),
): Promise<{ factor: FactorSummary; recoveryCodes: string[] | null }> {
  const pending = await findPendingTotp(db, member.id, input.id);
  if (!pending?.secretCiphertext) {
    throw new DomainError("not_found", "This enrolment was not found. Start again.");
  }
  const secret = decrypt(loadKeyRing(), pending.secretCiphertext, secrets.factorSecret.binding(pending.id));
  const step = await totpStep(secret, input.code, now);
  if (step === null) {
    throw new DomainError("invalid_input", "The code is not right. Enter the current code from the app.", {
      fields: { code: "The code is not right. Enter the current code from the app." },
    });
  }
  const firstFactor = !(await hasConfirmedFactor(db, member.id));
  if (!(await confirmTotp(db, pending.id, step, now))) {
    throw new DomainError("not_found", "This enrolment was not found. Start again.");
  }
  const codes = firstFactor ? await regenerateRecoveryCodes(db, member.id) : null;
  const { id, kind, name, createdAt, lastUsedAt } = pending;
  return { factor: { id, kind, name, createdAt, lastUsedAt }, recoveryCodes: codes };
}

let recoveryKey: Buffer | undefined;

/** The HMAC key of recovery codes, derived from AUTH_SECRET: a stolen table alone cannot be checked offline. */
function recoveryCodeKey(): Buffer {
  recoveryKey ??= Buffer.from(hkdfSync("sha256", authSecret(), "", "tsc recovery codes", 32));
  return recoveryKey;
}

/** Upper case without the look-alikes 0/O and 1/I/L; a code is two groups of five (about 50 bits), each character drawn uniformly. */
const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "");
}

export function hashRecoveryCode(userId: string, code: string): string {
  return createHmac("sha256", recoveryCodeKey())
    .update(`${userId}:${normalizeRecoveryCode(code)}`)
    .digest("hex");
}

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Ten new recovery codes for the member (returned this once), replacing any they had. */
export async function regenerateRecoveryCodes(db: DbOrTx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  await replaceRecoveryCodes(
    db,
    userId,
    codes.map((code) => hashRecoveryCode(userId, code)),
  );
  return codes;
}

/** The member's factors and how many recovery codes they have left. */
export async function factorOverview(
  db: DbOrTx,
  userId: string,
): Promise<{ factors: FactorSummary[]; recoveryCodesLeft: number }> {
  const [factors, recoveryCodesLeft] = await Promise.all([
    listFactors(db, userId),
    unusedRecoveryCodeCount(db, userId),
  ]);
  return { factors, recoveryCodesLeft };
}

/**
 * Removes one of the member's factors. The last one takes the recovery codes with it: they are a spare for a
 * factor, not a factor of their own.
 */
export async function removeOwnFactor(db: DbOrTx, userId: string, id: string): Promise<FactorSummary> {
  const removed = await deleteFactor(db, userId, id);
  if (!removed) throw new DomainError("not_found", "This factor was not found.");
  if (!(await hasConfirmedFactor(db, userId))) await deleteAllFactors(db, userId);
  return removed;
}

/** Removes every factor and recovery code of a member (an admin's reset, or the CLI's); the number of factors. */
export function resetFactors(db: DbOrTx, userId: string): Promise<number> {
  return deleteAllFactors(db, userId);
}

/**
 * Checks a proof against the member's factors and spends it: a TOTP code's time step (no code of that step or an
 * earlier one is accepted again), a recovery code for good. The method that passed, or null.
 */
export async function spendFactorProof(
  db: DbOrTx,
  userId: string,
  proof: FactorProof,
  now = new Date(),
): Promise<ProofMethod | null> {
  if (proof.method === "recovery") {
    const spent = await spendRecoveryCode(db, userId, hashRecoveryCode(userId, proof.code), now);
    return spent ? "recovery" : null;
  }
  const ring = loadKeyRing();
  for (const factor of await confirmedFactorsOfKind(db, userId, "totp")) {
    if (!factor.secretCiphertext) continue;
    const secret = decrypt(ring, factor.secretCiphertext, secrets.factorSecret.binding(factor.id));
    const step = await totpStep(secret, proof.code, now);
    if (step !== null && (await spendTotpStep(db, factor.id, step, now))) return "totp";
  }
  return null;
}

/** What the password step gives a member with a second factor instead of the sign-in cookie. */
export type PendingSignIn = { ticket: string; methods: ProofMethod[] };

/** A single-use ticket for the factor step, valid for `ticketLifetimeMs`; only its hash is stored. */
export async function issueSignInTicket(
  db: DbOrTx,
  user: Pick<Member, "id" | "sessionVersion">,
  now = new Date(),
): Promise<PendingSignIn> {
  const ticket = `tkt_${randomBytes(32).toString("base64url")}`;
  await insertSignInTicket(
    db,
    {
      ticketHash: sha256Hex(ticket),
      userId: user.id,
      sessionVersion: user.sessionVersion,
      expiresAt: new Date(now.getTime() + ticketLifetimeMs),
    },
    now,
  );
  return { ticket, methods: ["totp", "recovery"] };
}

export type FactorStepOutcome =
  | { kind: "signed_in"; user: SignedInUser; method: ProofMethod }
  | { kind: "refused" }
  | { kind: "throttled"; retryAfter: number };

/**
 * The factor step: a ticket from the password step and a proof of the second factor, for the sign-in. Every
 * refusal looks the same (an unknown, expired or used ticket, a wrong or spent code) and counts as a failed
 * sign-in of the ticket's member, so guesses are throttled with the passwords' (429 past the limit).
 */
export async function exchangeSignInTicket(
  db: Db,
  input: { ticket: string; proof: FactorProof },
  meta: RequestMeta,
  now = new Date(),
): Promise<FactorStepOutcome> {
  const ticketHash = sha256Hex(input.ticket);
  const ticket = await findSignInTicket(db, ticketHash, now);
  const user = ticket ? await findUserById(db, ticket.userId) : undefined;
  const reservation = await reserveSignInAttempt(db, { email: user?.email ?? "", ip: meta.ip }, now);
  if (reservation.kind === "throttled") return reservation;
  const named = { id: user?.id ?? null, label: user?.email ?? "unknown sign-in ticket" };
  const usable = user && ticket && !user.disabled && user.sessionVersion === ticket.sessionVersion;
  let method: ProofMethod | null = null;
  if (usable) {
    try {
      method = await db.transaction(async (tx) => {
        const spent = await spendFactorProof(tx, user.id, input.proof, now);
        // A wrong proof, or a ticket another request exchanged first: nothing spent, nothing taken.
        if (!spent || !(await takeSignInTicket(tx, ticketHash, now))) throw new Refused();
        await releaseSignInAttempt(tx, reservation.id);
        await recordSignIn(tx, user.id);
        await writeAudit(tx, named, { action: "auth.sign_in", outcome: "success", detail: { factor: spent } }, meta);
        return spent;
      });
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
    }
  }
  if (!user || !method) {
    const reason = usable ? "wrong_factor" : "invalid_ticket";
    await writeAudit(db, named, { action: "auth.sign_in", outcome: "failure", detail: { reason } }, meta);
    return { kind: "refused" };
  }
  return { kind: "signed_in", user: { id: user.id, email: user.email, sessionVersion: user.sessionVersion }, method };
}

class Refused extends Error {}

/**
 * Step-up: the signed-in member proves their factor again (throttled with sign-ins). True when the proof was right.
 */
export async function proveFactorAgain(
  db: Db,
  member: { id: string; email: string },
  proof: FactorProof,
  meta: RequestMeta,
  now = new Date(),
): Promise<{ kind: "proved" } | { kind: "refused" } | { kind: "throttled"; retryAfter: number }> {
  if (!(await hasConfirmedFactor(db, member.id))) {
    throw new DomainError("conflict", "You have no second factor to confirm. Add one on the Security page.");
  }
  const reservation = await reserveSignInAttempt(db, { email: member.email, ip: meta.ip }, now);
  if (reservation.kind === "throttled") return reservation;
  const proved = await db.transaction(async (tx) => {
    if (!(await spendFactorProof(tx, member.id, proof, now))) return false;
    await releaseSignInAttempt(tx, reservation.id);
    return true;
  });
  return proved ? { kind: "proved" } : { kind: "refused" };
}
