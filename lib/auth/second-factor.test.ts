import { generate } from "otplib";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { memberFactors, recoveryCodes } from "@/db/schema";
import { createUser, type Member } from "@/db/queries/users";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { configureTestEnvironment } from "@/tests/support/test-environment";
import { sessionActor, type UserActor } from "./actors";
import {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  exchangeSignInTicket,
  issueSignInTicket,
  proveFactorAgain,
  removeOwnFactor,
  ticketLifetimeMs,
  totpStep,
} from "./second-factor";
import { maxFailures } from "./sign-in";
import { requireRecentFactor, stepUpWindowSeconds } from "./step-up";

configureTestEnvironment();

const code = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

let database: TestDatabase;
let seq = 0;
/** A client address of its own per test, so one test's counted failures never throttle another's. */
let meta = { ip: "203.0.113.0", userAgent: "vitest" };

beforeAll(async () => {
  database = await createTestDatabase("pglite");
});
beforeEach(() => {
  meta = { ip: `203.0.113.${++seq}`, userAgent: "vitest" };
});
afterAll(() => database.close());

/** A member with a confirmed authenticator app: its secret and the recovery codes shown at enrolment. */
async function enrolledMember(now = new Date()) {
  const member = await createUser(database.db, {
    email: `mfa-${++seq}@example.com`,
    role: "admin",
    passwordHash: "x",
    mustChangePassword: false,
  });
  const { id, secret } = await beginTotpEnrolment(database.db, member, "Phone");
  const earlier = new Date(now.getTime() - 60_000);
  const { recoveryCodes: codes } = await confirmTotpEnrolment(
    database.db,
    member,
    { id, code: await code(secret, earlier) },
    earlier,
  );
  return { member, secret, codes: codes! };
}

describe("TOTP", () => {
  it("accepts the current code and one step either side, nothing further", async () => {
    const { secret } = await enrolledMember();
    const now = new Date(1_800_000_000_000);
    const at = (offsetSeconds: number) => code(secret, new Date(now.getTime() + offsetSeconds * 1000));
    expect(await totpStep(secret, await at(0), now)).not.toBeNull();
    expect(await totpStep(secret, await at(-30), now)).not.toBeNull();
    expect(await totpStep(secret, await at(30), now)).not.toBeNull();
    expect(await totpStep(secret, await at(-90), now)).toBeNull();
    expect(await totpStep(secret, await at(90), now)).toBeNull();
    expect(await totpStep(secret, "12345a", now)).toBeNull();
  });

  it("keeps the secret sealed, and refuses a wrong code at enrolment without confirming", async () => {
    const member = await createUser(database.db, {
      email: `pending-${++seq}@example.com`,
      role: "viewer",
      passwordHash: "x",
      mustChangePassword: false,
    });
    const { id, secret } = await beginTotpEnrolment(database.db, member, "Phone");
    const [row] = await database.db.select().from(memberFactors).where(eq(memberFactors.id, id));
    expect(row!.secretCiphertext).not.toContain(secret);
    const wrong = String((Number(await code(secret, new Date())) + 1) % 1_000_000).padStart(6, "0");
    await expect(confirmTotpEnrolment(database.db, member, { id, code: wrong })).rejects.toMatchObject({
      code: "invalid_input",
    });
    const [after] = await database.db.select().from(memberFactors).where(eq(memberFactors.id, id));
    expect(after!.confirmedAt).toBeNull();
    const claims = { userId: member.id, sessionVersion: member.sessionVersion };
    expect(await sessionActor(database.db, claims)).toMatchObject({ hasFactor: false });
    await confirmTotpEnrolment(database.db, member, { id, code: await code(secret, new Date()) });
    expect(await sessionActor(database.db, claims)).toMatchObject({ id: member.id, hasFactor: true });
  });

  it("issues ten recovery codes with the first factor, stored as HMACs only", async () => {
    const { member, codes } = await enrolledMember();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, member.id));
    expect(stored).toHaveLength(10);
    for (const given of codes) expect(given).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    for (const row of stored) for (const given of codes) expect(row.codeHash).not.toContain(given.replace("-", ""));
  });
});

describe("the factor step", () => {
  it("exchanges a ticket and a right code for the sign-in, once", async () => {
    const { member, secret } = await enrolledMember();
    const { ticket } = await issueSignInTicket(database.db, member);
    const proof = { method: "totp" as const, code: await code(secret, new Date()) };
    const outcome = await exchangeSignInTicket(database.db, { ticket, proof }, meta);
    expect(outcome).toMatchObject({ kind: "signed_in", user: { id: member.id }, method: "totp" });
    // The same ticket, or the same code again (a replay), signs nobody in.
    expect(await exchangeSignInTicket(database.db, { ticket, proof }, meta)).toEqual({ kind: "refused" });
    const second = await issueSignInTicket(database.db, member);
    expect(await exchangeSignInTicket(database.db, { ticket: second.ticket, proof }, meta)).toEqual({
      kind: "refused",
    });
  });

  it("answers a wrong code, an expired ticket and an unknown one alike", async () => {
    const { member, secret } = await enrolledMember();
    const { ticket } = await issueSignInTicket(database.db, member);
    const right = await code(secret, new Date());
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    const later = new Date(Date.now() + ticketLifetimeMs + 1000);
    const answers = [
      await exchangeSignInTicket(database.db, { ticket, proof: { method: "totp", code: wrong } }, meta),
      await exchangeSignInTicket(database.db, { ticket: "tkt_unknown", proof: { method: "totp", code: right } }, meta),
      await exchangeSignInTicket(
        database.db,
        { ticket, proof: { method: "totp", code: await code(secret, later) } },
        meta,
        later,
      ),
    ];
    expect(answers).toEqual([{ kind: "refused" }, { kind: "refused" }, { kind: "refused" }]);
  });

  it("takes a recovery code once", async () => {
    const { member, codes } = await enrolledMember();
    const first = await issueSignInTicket(database.db, member);
    const proof = { method: "recovery" as const, code: codes[3]!.toLowerCase() };
    expect(await exchangeSignInTicket(database.db, { ticket: first.ticket, proof }, meta)).toMatchObject({
      kind: "signed_in",
      method: "recovery",
    });
    const second = await issueSignInTicket(database.db, member);
    expect(await exchangeSignInTicket(database.db, { ticket: second.ticket, proof }, meta)).toEqual({
      kind: "refused",
    });
  });

  it("throttles wrong codes like wrong passwords: past the limit even the right code waits", async () => {
    const { member, secret } = await enrolledMember();
    const { ticket } = await issueSignInTicket(database.db, member);
    const from = { ip: "198.51.100.77", userAgent: null };
    for (let i = 0; i < maxFailures; i++) {
      const outcome = await exchangeSignInTicket(
        database.db,
        { ticket, proof: { method: "recovery", code: "WRONG-CODE0" } },
        from,
      );
      expect(outcome).toEqual({ kind: "refused" });
    }
    const right = { method: "totp" as const, code: await code(secret, new Date()) };
    expect(await exchangeSignInTicket(database.db, { ticket, proof: right }, from)).toMatchObject({
      kind: "throttled",
    });
  });
});

describe("step-up", () => {
  const actor = (member: Member, factorAt: number | null, hasFactor = true): UserActor => ({
    kind: "user",
    id: member.id,
    email: member.email,
    role: member.role,
    label: member.email,
    mustChangePassword: false,
    mustEnrolFactor: false,
    hasFactor,
    factorAt,
  });

  it("asks again when the last proof is older than ten minutes, never a member without a factor or a token", async () => {
    const { member } = await enrolledMember();
    const now = 2_000_000_000;
    expect(() => requireRecentFactor(actor(member, now - stepUpWindowSeconds), now)).not.toThrow();
    expect(() => requireRecentFactor(actor(member, now - stepUpWindowSeconds - 1), now)).toThrow(
      expect.objectContaining({ code: "step_up_required" }),
    );
    expect(() => requireRecentFactor(actor(member, null), now)).toThrow(
      expect.objectContaining({ code: "step_up_required" }),
    );
    expect(() => requireRecentFactor(actor(member, null, false), now)).not.toThrow();
    const token = {
      kind: "token" as const,
      id: "t",
      name: "ci",
      role: "admin" as const,
      label: "token:ci",
      createdById: member.id,
      scope: "admin" as const,
    };
    expect(() => requireRecentFactor(token, now)).not.toThrow();
  });

  it("proves the factor again with a fresh code and refuses a wrong one", async () => {
    const { member, secret } = await enrolledMember();
    expect(await proveFactorAgain(database.db, member, { method: "totp", code: "000000" }, meta)).toEqual({
      kind: "refused",
    });
    const proof = { method: "totp" as const, code: await code(secret, new Date()) };
    expect(await proveFactorAgain(database.db, member, proof, meta)).toEqual({ kind: "proved" });
  });

  it("removing the last factor takes the recovery codes with it", async () => {
    const { member } = await enrolledMember();
    const [factor] = await database.db.select().from(memberFactors).where(eq(memberFactors.userId, member.id));
    await removeOwnFactor(database.db, member.id, factor!.id);
    expect(await database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, member.id))).toEqual([]);
  });
});
