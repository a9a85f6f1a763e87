import { describe, expect, it, afterAll, beforeAll, vi } from "vitest";
import { releaseSignInAttempt } from "@/db/queries/sign-in";
import { peerHeader, peerStamp } from "@/lib/http/client-ip";
import {
  hashPassword,
  verifyPassword,
  newPasswordSchema,
  reserveSignInAttempt,
  isCredentialsSignIn,
  gateSignIn,
  takeHashingSlot,
  signInHashingSlots,
  signInQueueLength,
  maxFailures,
  authorizeCredentials,
  changePassword,
  signOutMember,
} from "./sign-in";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { eq } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import { issueApiToken, tokenActor } from "./actors";
import { createUser, type Member, findUserByEmail } from "@/db/queries/users";

describe("password hashing", () => {
  it("uses OWASP scrypt parameters in a self-describing string with a fresh salt", async () => {
    const first = await hashPassword("correct horse battery");
    const second = await hashPassword("correct horse battery");
    expect(first).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
  });

  it("refuses a hash it does not understand instead of answering false", async () => {
    await expect(verifyPassword("x", "plain")).rejects.toThrow(/format/);
  });
});

describe("new password policy", () => {
  it("asks for 12 to 128 characters", () => {
    expect(newPasswordSchema.safeParse("short").success).toBe(false);
    expect(newPasswordSchema.safeParse("twelve chars").success).toBe(true);
    expect(newPasswordSchema.safeParse("x".repeat(129)).success).toBe(false);
  });
});

const minute = 60_000;

describe.each(testDrivers)("sign-in throttling on %s", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * minute);

  it("allows five attempts and refuses the sixth until the oldest of five leaves the window", async () => {
    const start = new Date("2026-01-01T10:00:00Z");
    const attempt = { email: "a@example.com", ip: "203.0.113.1" };
    for (let i = 0; i < 5; i++) {
      expect(await reserveSignInAttempt(database.db, attempt, at(start, i))).toMatchObject({ kind: "reserved" });
    }
    expect(await reserveSignInAttempt(database.db, attempt, at(start, 5))).toEqual({
      kind: "throttled",
      retryAfter: 10 * 60,
    });
    expect(await reserveSignInAttempt(database.db, attempt, at(start, 15.5))).toMatchObject({ kind: "reserved" });
  });

  it("counts per IP across accounts and per account across IPs", async () => {
    const start = new Date("2026-01-02T10:00:00Z");
    for (let i = 0; i < 5; i++) {
      await reserveSignInAttempt(database.db, { email: `user${i}@example.com`, ip: "198.51.100.7" }, at(start, 0));
      await reserveSignInAttempt(database.db, { email: "target@example.com", ip: `192.0.2.${i}` }, at(start, 0));
    }
    const later = at(start, 1);
    const throttled = { kind: "throttled", retryAfter: 14 * 60 };
    expect(await reserveSignInAttempt(database.db, { email: "new@example.com", ip: "198.51.100.7" }, later)).toEqual(
      throttled,
    );
    expect(await reserveSignInAttempt(database.db, { email: "target@example.com", ip: "192.0.2.200" }, later)).toEqual(
      throttled,
    );
    expect(
      await reserveSignInAttempt(database.db, { email: "new@example.com", ip: "192.0.2.200" }, later),
    ).toMatchObject({ kind: "reserved" });
  });

  it("counts per account only when the address is unknown (plain next start), never one bucket for everybody", async () => {
    const start = new Date("2026-01-05T10:00:00Z");
    for (let i = 0; i < 5; i++)
      await reserveSignInAttempt(database.db, { email: `anon${i}@example.com`, ip: null }, at(start, 0));
    for (let i = 0; i < 5; i++)
      await reserveSignInAttempt(database.db, { email: "anon-target@example.com", ip: null }, at(start, 0));
    const later = at(start, 1);
    expect(await reserveSignInAttempt(database.db, { email: "anon5@example.com", ip: null }, later)).toMatchObject({
      kind: "reserved",
    });
    expect(await reserveSignInAttempt(database.db, { email: "anon-target@example.com", ip: null }, later)).toEqual({
      kind: "throttled",
      retryAfter: 14 * 60,
    });
  });

  it("stops counting an attempt once it is released", async () => {
    const start = new Date("2026-01-04T10:00:00Z");
    const attempt = { email: "right@example.com", ip: "203.0.113.20" };
    for (let i = 0; i < 5; i++) {
      const reservation = await reserveSignInAttempt(database.db, attempt, at(start, 0));
      if (reservation.kind === "reserved") await releaseSignInAttempt(database.db, reservation.id);
    }
    expect(await reserveSignInAttempt(database.db, attempt, at(start, 1))).toMatchObject({ kind: "reserved" });
  });

  it("lets at most five of forty simultaneous attempts through", async () => {
    const attempt = { email: "raced@example.com", ip: "203.0.113.30" };
    const reservations = await Promise.all(
      Array.from({ length: 40 }, () => reserveSignInAttempt(database.db, attempt)),
    );
    expect(reservations.filter((r) => r.kind === "reserved")).toHaveLength(5);
  });

  it("ignores and forgets failures older than the window", async () => {
    const start = new Date("2026-01-03T10:00:00Z");
    const attempt = { email: "old@example.com", ip: "203.0.113.9" };
    for (let i = 0; i < 5; i++) await reserveSignInAttempt(database.db, attempt, at(start, 0));
    await reserveSignInAttempt(database.db, { email: "other@example.com", ip: "203.0.113.10" }, at(start, 16));
    expect(await reserveSignInAttempt(database.db, attempt, at(start, 16))).toMatchObject({ kind: "reserved" });
    expect(
      await database.db.query.signInFailures.findMany({
        where: (f, { and, eq, lt }) => and(eq(f.email, "old@example.com"), lt(f.at, at(start, 15))),
      }),
    ).toEqual([]);
  });
});

const url = "http://localhost/api/auth/callback/credentials";
const formBody = (email: string) => new URLSearchParams({ email, password: "whatever", csrfToken: "x" }).toString();
const formPost = (email: string, ip: string) =>
  new Request(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", [peerHeader]: peerStamp(ip) },
    body: formBody(email),
  });

describe.each(testDrivers)("the sign-in gate on %s", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    for (let i = 0; i < 5; i++) {
      await reserveSignInAttempt(database.db, { email: "locked@example.com", ip: `192.0.2.${i}` });
    }
  });
  afterAll(() => database.close());

  it("applies to the credentials callback only", () => {
    expect(isCredentialsSignIn(formPost("a@example.com", "1.1.1.1"))).toBe(true);
    expect(isCredentialsSignIn(new Request("http://localhost/api/auth/signout", { method: "POST" }))).toBe(false);
    expect(isCredentialsSignIn(new Request(url))).toBe(false);
  });

  it("refuses a throttled account, whatever the case of its email, without running Auth.js", async () => {
    const authjs = vi.fn(async () => "answer");
    const gate = await gateSignIn(
      database.db,
      formPost("Locked@Example.com", "203.0.113.50"),
      formBody("Locked@Example.com"),
      authjs,
    );
    expect(gate).toMatchObject({
      kind: "throttled",
      message: "Too many failed sign-in attempts. Try again in 15 minutes.",
    });
    expect(authjs).not.toHaveBeenCalled();
  });

  it("lets other attempts through, JSON bodies included, and forgets an attempt Auth.js never checked", async () => {
    const json = new Request(url, { method: "POST", headers: { "content-type": "application/json" } });
    for (let i = 0; i < 8; i++) {
      expect(await gateSignIn(database.db, json, JSON.stringify({ email: "free@example.com" }), async () => i)).toEqual(
        {
          kind: "answered",
          answer: i,
        },
      );
    }
  });

  it("queues sign-ins beyond the hashing slots and refuses them, uncounted, once the queue is full", async () => {
    const held = await Promise.all(Array.from({ length: signInHashingSlots }, () => takeHashingSlot()));
    const queued = Array.from({ length: signInQueueLength }, () => takeHashingSlot());
    const late = () =>
      gateSignIn(
        database.db,
        formPost("late@example.com", "198.51.100.99"),
        formBody("late@example.com"),
        async () => "checked",
      );
    for (let i = 0; i < maxFailures + 1; i++) expect(await late()).toMatchObject({ kind: "busy", retryAfter: 2 });

    for (const release of held) release?.();
    // Each waiter gets the slot the one before it gives back.
    for (const waiting of queued) {
      const release = await waiting;
      expect(release).toBeTypeOf("function");
      release?.();
    }
    expect(await late()).toEqual({ kind: "answered", answer: "checked" });
  });
});

const meta = { ip: "203.0.113.4", userAgent: "vitest" };

describe.each(testDrivers)("credentials sign-in on %s", (driver) => {
  let database: TestDatabase;
  let member: Member;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    member = await createUser(database.db, {
      email: "member@example.com",
      role: "admin",
      passwordHash: await hashPassword("the right password"),
      mustChangePassword: false,
    });
  });
  afterAll(() => database.close());

  /** One attempt the way the sign-in endpoint makes it: reserved first, then checked. */
  const signIn = async (credentials: { email: unknown; password: unknown }, from = meta) => {
    const email = typeof credentials.email === "string" ? credentials.email.trim().toLowerCase() : "";
    const reservation = await reserveSignInAttempt(database.db, { email, ip: from.ip });
    if (reservation.kind === "throttled") return reservation;
    return authorizeCredentials(database.db, credentials, from, { id: reservation.id, checked: false });
  };
  const lastAudit = () => database.db.query.auditLog.findFirst({ orderBy: (a, { desc }) => desc(a.id) });

  it("signs in with the right password, any email case, and records it", async () => {
    const user = await signIn({ email: " Member@Example.COM ", password: "the right password" });
    expect(user).toEqual({ id: member.id, email: "member@example.com", sessionVersion: member.sessionVersion });
    expect(await lastAudit()).toMatchObject({
      action: "auth.sign_in",
      outcome: "success",
      actorId: member.id,
      actorLabel: "member@example.com",
      ip: meta.ip,
    });
    const row = await database.db.query.users.findFirst({ where: eq(users.id, member.id) });
    expect(row?.lastSignInAt).toBeInstanceOf(Date);
  });

  it("answers a wrong password, an unknown email and a disabled member alike, counting each failure", async () => {
    const tries = [
      { email: "member@example.com", password: "wrong password" },
      { email: "nobody@example.com", password: "the right password" },
      { email: 42, password: null },
    ];
    for (const credentials of tries) expect(await signIn(credentials)).toBeNull();
    await database.db.update(users).set({ disabled: true }).where(eq(users.id, member.id));
    expect(await signIn({ email: "member@example.com", password: "the right password" })).toBeNull();
    expect(await lastAudit()).toMatchObject({ outcome: "failure", detail: { reason: "disabled" } });
    const failures = await database.db.query.auditLog.findMany({ where: eq(auditLog.outcome, "failure") });
    expect(failures).toHaveLength(4);
    expect(await signIn({ email: "x@example.com", password: "y" })).toBeNull();
    expect(await signIn({ email: "other@example.com", password: "z" })).toMatchObject({ kind: "throttled" });
  });

  it.each(["\u202emoc.elpmaxe@nimda", "admin@example.com\u200b", "not an email", "a@b@example.com"])(
    'records a failed sign-in for %j under "invalid email", never as typed',
    async (typed) => {
      expect(await signIn({ email: typed, password: "a guess" }, { ip: "192.0.2.88", userAgent: "vitest" })).toBeNull();
      expect(await lastAudit()).toMatchObject({ outcome: "failure", actorLabel: "invalid email", actorId: null });
    },
  );

  it("checks nothing for an attempt that was not reserved", async () => {
    expect(await authorizeCredentials(database.db, { email: "member@example.com", password: "x" }, meta)).toBeNull();
  });
});

describe.each(testDrivers)("changing a password on %s", (driver) => {
  let database: TestDatabase;
  let member: Member;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    member = await createUser(database.db, {
      email: "temp@example.com",
      role: "viewer",
      passwordHash: await hashPassword("temporary password"),
      mustChangePassword: true,
    });
  });
  afterAll(() => database.close());

  const input = (currentPassword: string) => ({
    currentPassword,
    newPassword: "my own password",
    confirmPassword: "my own password",
  });

  it("refuses a wrong current password and replaces a right one, ending the temporary flag and sessions", async () => {
    const tokenOf = (name: string, revokeOnPasswordChange: boolean) =>
      issueApiToken(database.db, { name, scope: "read", createdById: member.id, revokeOnPasswordChange });
    const [dies, lives] = [await tokenOf("dies", true), await tokenOf("lives", false)];
    expect(await changePassword(database.db, member, input("guess"), meta)).toEqual({ kind: "wrong_password" });
    expect(await tokenActor(database.db, dies.token)).not.toBeNull();
    expect(await changePassword(database.db, member, input("temporary password"), meta)).toEqual({ kind: "changed" });
    expect(await tokenActor(database.db, dies.token)).toBeNull();
    expect(await tokenActor(database.db, lives.token)).not.toBeNull();
    const after = (await findUserByEmail(database.db, member.email))!;
    expect(after).toMatchObject({ mustChangePassword: false, sessionVersion: member.sessionVersion + 1 });
    expect(await verifyPassword("my own password", after.passwordHash)).toBe(true);
  });

  it("stops answering after repeated wrong guesses", async () => {
    for (let i = 0; i < 4; i++) await changePassword(database.db, member, input("guess"), meta);
    expect(await changePassword(database.db, member, input("my own password"), meta)).toMatchObject({
      kind: "throttled",
    });
  });
});

describe.each(testDrivers)("signing out on %s", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  it("moves the session version on and records the sign-out with it", async () => {
    const member = await createUser(database.db, {
      email: "out@example.com",
      role: "viewer",
      passwordHash: await hashPassword("a good password"),
      mustChangePassword: false,
    });
    await signOutMember(database.db, member, { ip: "198.51.100.1", userAgent: "vitest" });
    expect((await findUserByEmail(database.db, member.email))?.sessionVersion).toBe(member.sessionVersion + 1);
    expect(await database.db.query.auditLog.findMany()).toMatchObject([
      {
        action: "auth.sign_out",
        outcome: "success",
        actorId: member.id,
        actorLabel: "out@example.com",
        ip: "198.51.100.1",
      },
    ]);
  });
});
