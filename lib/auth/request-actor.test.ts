import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, memberFactors, users } from "@/db/schema";
import { bumpSessionVersion, createUser, type Member } from "@/db/queries/users";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { sessionCookieName } from "./cookies";
import { generateApiToken } from "./actors";
import { actorFromHeaders } from "./request-actor";
import { writeSecondFactorPolicy } from "./second-factor-policy";
import { hashPassword } from "@/lib/auth/sign-in";

const secret = "a-test-secret-that-is-long-enough-0123456789";

const nowSeconds = () => Math.floor(Date.now() / 1000);

async function cookieFor(
  member: Pick<Member, "id" | "sessionVersion">,
  signingSecret = secret,
  times: { signedInAgo: number; activeAgo: number } = { signedInAgo: 60, activeAgo: 60 },
): Promise<Headers> {
  const jwt = await encode({
    token: {
      sub: member.id,
      sv: member.sessionVersion,
      st: nowSeconds() - times.signedInAgo,
      la: nowSeconds() - times.activeAgo,
    },
    secret: signingSecret,
    salt: sessionCookieName,
  });
  return new Headers({ cookie: `${sessionCookieName}=${jwt}` });
}

describe.each(testDrivers)("getActor on %s", (driver) => {
  let database: TestDatabase;
  let admin: Member;
  let viewer: Member;
  const actor = (headers: Headers) => actorFromHeaders(database.db, headers, secret);

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    admin = await createUser(database.db, {
      email: "Admin@Example.com",
      role: "admin",
      passwordHash: await hashPassword("admin passwordHash: await hashPassword(password) 1"),
      mustChangePassword: false,
    });
    viewer = await createUser(database.db, {
      email: "viewer@example.com",
      role: "viewer",
      passwordHash: await hashPassword("viewer passwordHash: await hashPassword(password) 1"),
      mustChangePassword: true,
    });
  });
  afterAll(() => database.close());

  async function tokenFor(scope: "read" | "admin", createdById: string | null) {
    const { token, hash, prefix } = generateApiToken();
    const [row] = await database.db
      .insert(apiTokens)
      .values({ name: `t-${prefix}`, tokenHash: hash, prefix, scope, createdById })
      .returning();
    return { token, id: row!.id, bearer: new Headers({ authorization: `Bearer ${token}` }) };
  }

  it("refuses a cookie whose sign-in is older than the absolute lifetime (12 h), however active", async () => {
    const hours = 3600;
    expect(await actor(await cookieFor(admin, secret, { signedInAgo: 11.9 * hours, activeAgo: 60 }))).not.toBeNull();
    expect(await actor(await cookieFor(admin, secret, { signedInAgo: 12.1 * hours, activeAgo: 60 }))).toBeNull();
  });

  it("refuses a cookie idle for longer than the idle timeout (30 min)", async () => {
    expect(await actor(await cookieFor(admin, secret, { signedInAgo: 3600, activeAgo: 29 * 60 }))).not.toBeNull();
    expect(await actor(await cookieFor(admin, secret, { signedInAgo: 3600, activeAgo: 31 * 60 }))).toBeNull();
  });

  it("gives nobody without credentials", async () => {
    expect(await actor(new Headers())).toBeNull();
  });

  it("recognises a member's cookie while its session version is current", async () => {
    expect(await actor(await cookieFor(viewer))).toEqual({
      kind: "user",
      id: viewer.id,
      email: "viewer@example.com",
      role: "viewer",
      label: "viewer@example.com",
      mustChangePassword: true,
      hasFactor: false,
      factorAt: null,
      mustEnrolFactor: false,
    });
  });

  it("sends an admin without a second factor to add one while the policy is on, the default of a new install", async () => {
    expect(await actor(await cookieFor(admin))).toMatchObject({ role: "admin", mustEnrolFactor: true });
    await writeSecondFactorPolicy(database.db, { requireAdminMfa: false }, "test");
    expect(await actor(await cookieFor(admin))).toMatchObject({ mustEnrolFactor: false });
    await writeSecondFactorPolicy(database.db, { requireAdminMfa: true }, "test");
    const [factor] = await database.db
      .insert(memberFactors)
      .values({ userId: admin.id, kind: "totp", name: "Phone", confirmedAt: new Date() })
      .returning();
    expect(await actor(await cookieFor(admin))).toMatchObject({ hasFactor: true, mustEnrolFactor: false });
    await database.db.delete(memberFactors).where(eq(memberFactors.id, factor!.id));
  });

  it("refuses a cookie saved before sign-out, a forged one and a disabled member's", async () => {
    const before = await cookieFor(admin);
    expect(await actor(before)).toMatchObject({ kind: "user", role: "admin" });
    await bumpSessionVersion(database.db, admin.id);
    expect(await actor(before)).toBeNull();
    expect(
      await actor(
        await cookieFor(
          { ...admin, sessionVersion: admin.sessionVersion + 1 },
          "another-secret-of-enough-length-0123456789",
        ),
      ),
    ).toBeNull();
    expect(await actor(new Headers({ cookie: `${sessionCookieName}=not-a-jwt` }))).toBeNull();
    const current = await cookieFor({ ...admin, sessionVersion: admin.sessionVersion + 1 });
    expect(await actor(current)).toMatchObject({ id: admin.id });
    await database.db.update(users).set({ disabled: true }).where(eq(users.id, admin.id));
    expect(await actor(current)).toBeNull();
    await database.db.update(users).set({ disabled: false }).where(eq(users.id, admin.id));
  });

  it("maps token scopes to roles and records use at most once a minute", async () => {
    const read = await tokenFor("read", admin.id);
    expect(await actor(read.bearer)).toMatchObject({
      kind: "token",
      id: read.id,
      role: "viewer",
      createdById: admin.id,
    });
    const first = await database.db.query.apiTokens.findFirst({ where: eq(apiTokens.id, read.id) });
    expect(first?.lastUsedAt).toBeInstanceOf(Date);
    await actor(read.bearer);
    const second = await database.db.query.apiTokens.findFirst({ where: eq(apiTokens.id, read.id) });
    expect(second?.lastUsedAt).toEqual(first?.lastUsedAt);
    expect(await actor((await tokenFor("admin", admin.id)).bearer)).toMatchObject({
      role: "admin",
      label: expect.stringMatching(/^token:/),
    });
  });

  it("never gives a token more than its creator has, nor anything once revoked or its creator disabled", async () => {
    expect(await actor((await tokenFor("admin", viewer.id)).bearer)).toMatchObject({ role: "viewer" });
    const revoked = await tokenFor("admin", admin.id);
    await database.db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, revoked.id));
    expect(await actor(revoked.bearer)).toBeNull();
    const orphan = await tokenFor("read", viewer.id);
    await database.db.update(users).set({ disabled: true }).where(eq(users.id, viewer.id));
    expect(await actor(orphan.bearer)).toBeNull();
    await database.db.update(users).set({ disabled: false }).where(eq(users.id, viewer.id));
  });

  it("never falls back to the cookie when an Authorization header is present but invalid", async () => {
    const cookie = (await cookieFor({ ...viewer })).get("cookie")!;
    for (const authorization of [
      "Bearer tsc_nope",
      "Basic dXNlcjpwYXNz",
      "Bearer",
      `Bearer ${generateApiToken().token}`,
    ]) {
      expect(await actor(new Headers({ authorization, cookie }))).toBeNull();
    }
  });
});
