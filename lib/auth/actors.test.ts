import { describe, expect, it, afterAll, beforeAll, vi } from "vitest";
import {
  generateApiToken,
  hashApiToken,
  looksLikeApiToken,
  tokenActor,
  forgetVerifiedTokens,
  verifiedToken,
  verifiedTokenTtlMs,
} from "./actors";
import { eq } from "drizzle-orm";
import { apiTokens } from "@/db/schema";
import { insertApiToken } from "@/db/queries/api-tokens";
import { removeMember } from "@/db/queries/team";
import { withStatementLog } from "@/tests/support/statement-log";
import { callRoute } from "@/tests/support/call-route";
import { memberWithToken, useTestDb } from "@/tests/support/route-database";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import * as member from "@/app/api/v1/team/members/[id]/route";
import * as tokens from "@/app/api/v1/tokens/route";

describe("API tokens", () => {
  it("are random, prefixed and stored as their SHA-256", () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a.token).not.toBe(b.token);
    expect(looksLikeApiToken(a.token)).toBe(true);
    expect(a.prefix).toBe(a.token.slice(0, 10));
    expect(a.hash).toBe(hashApiToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.token);
  });

  it("tells malformed bearer values apart without a lookup", () => {
    expect(looksLikeApiToken("tsc_short")).toBe(false);
    expect(looksLikeApiToken("Bearer whatever")).toBe(false);
  });
});

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

describe.each(testDrivers)("verified API tokens on %s", (driver) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    useTestDb(database.db);
  });
  afterAll(() => database.close());

  it("spends no statement on a token verified within the bound, and looks it up again after it", async () => {
    const { token } = await memberWithToken(database.db, "reader@example.com", "viewer");
    const logged = withStatementLog(database);
    const t0 = new Date();
    expect(await tokenActor(logged.db, token, t0)).toMatchObject({ kind: "token", role: "viewer" });
    const firstLookup = logged.statements.filter((text) => /^select/i.test(text)).length;
    expect(firstLookup).toBe(1);
    expect(await tokenActor(logged.db, token, new Date(t0.getTime() + 1_000))).toMatchObject({ kind: "token" });
    expect(logged.statements.filter((text) => /^select/i.test(text))).toHaveLength(firstLookup);
    await tokenActor(logged.db, token, new Date(t0.getTime() + verifiedTokenTtlMs));
    expect(logged.statements.filter((text) => /^select/i.test(text))).toHaveLength(firstLookup + 1);
  });

  it("stops a token revoked by another process within the bound", async () => {
    const { token, tokenId } = await memberWithToken(database.db, "elsewhere@example.com", "admin");
    const t0 = new Date();
    expect(await tokenActor(database.db, token, t0)).toMatchObject({ role: "admin" });
    // What a second console instance or `npm run admin` does: a write this process does not see.
    await database.db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, tokenId));
    expect(await tokenActor(database.db, token, new Date(t0.getTime() + verifiedTokenTtlMs - 1))).not.toBeNull();
    expect(await tokenActor(database.db, token, new Date(t0.getTime() + verifiedTokenTtlMs))).toBeNull();
  });

  it("weakens and then stops a token at once when its member is made viewer, then disabled, through the API", async () => {
    const lead = await memberWithToken(database.db, "lead@example.com", "admin");
    const second = await memberWithToken(database.db, "second@example.com", "admin");
    expect((await callRoute(tokens.GET, "GET", { token: second.token })).status).toBe(200);
    const demoted = await callRoute(member.PATCH, "PATCH", {
      token: lead.token,
      params: { id: second.member.id },
      body: { role: "viewer" },
    });
    expect(demoted.status).toBe(200);
    expect((await callRoute(tokens.GET, "GET", { token: second.token })).status).toBe(403);
    const disabled = await callRoute(member.PATCH, "PATCH", {
      token: lead.token,
      params: { id: second.member.id },
      body: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    expect((await callRoute(tokens.GET, "GET", { token: second.token })).status).toBe(401);
  });

  it("makes a token with an expiry (1 to 365 days) through the API, which acts for nobody from that moment", async () => {
    const lead = await memberWithToken(database.db, "expiring@example.com", "admin");
    const create = (expiresInDays: unknown) =>
      callRoute(tokens.POST, "POST", { token: lead.token, body: { name: "ci", scope: "read", expiresInDays } });
    for (const refused of [0, 366, 1.5, "30"]) expect((await create(refused)).status, String(refused)).toBe(400);
    const before = Date.now();
    const created = await create(30);
    expect(created.status).toBe(201);
    const { item, token } = created.body as { item: { expiresAt: string }; token: string };
    const expiresAt = new Date(item.expiresAt).getTime();
    expect(expiresAt - before).toBeGreaterThanOrEqual(30 * 86_400_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(30 * 86_400_000);
    expect(await tokenActor(database.db, token, new Date(expiresAt - 1))).toMatchObject({ kind: "token" });
    // Past its expiry even from the verified-token cache, which still holds the row.
    expect(await tokenActor(database.db, token, new Date(expiresAt))).toBeNull();
    expect((await create(undefined)).body.item.expiresAt).toBeNull();
  });

  it("records a token's use at most once a minute, cached or not", async () => {
    const { token, tokenId } = await memberWithToken(database.db, "used@example.com", "viewer");
    const lastUsed = async () =>
      (await database.db.query.apiTokens.findFirst({ where: eq(apiTokens.id, tokenId) }))?.lastUsedAt;
    const t0 = new Date();
    await tokenActor(database.db, token, t0);
    expect(await lastUsed()).toEqual(t0);
    await tokenActor(database.db, token, new Date(t0.getTime() + 1_000));
    forgetVerifiedTokens();
    await tokenActor(database.db, token, new Date(t0.getTime() + 60_000));
    expect(await lastUsed()).toEqual(t0);
    await tokenActor(database.db, token, new Date(t0.getTime() + 60_001));
    expect(await lastUsed()).toEqual(new Date(t0.getTime() + 60_001));
  });
});

describe("the verified token cache", () => {
  const row = {
    id: "t1",
    name: "t",
    scope: "read" as const,
    createdById: null,
    lastUsedAt: null,
    expiresAt: null,
    methods: null,
    sessionIds: null,
    mayLease: false,
    maxLeaseTtlSeconds: null,
    logParams: false,
    createdBy: null,
  };

  it("does not keep what a lookup read while a change was being made", async () => {
    const lookup = vi.fn(async () => {
      forgetVerifiedTokens();
      return { ...row };
    });
    await verifiedToken("hash-a", 0, lookup);
    await verifiedToken("hash-a", 1, lookup);
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it("keeps no unknown token, so a token created later works at once", async () => {
    const lookup = vi.fn(async () => undefined);
    await verifiedToken("hash-b", 0, lookup);
    await verifiedToken("hash-b", 1, lookup);
    expect(lookup).toHaveBeenCalledTimes(2);
  });
});

describe.each(testDrivers)("tokens whose member is gone on %s", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  it("fails closed: a token without an owner acts for nobody", async () => {
    const { token, hash, prefix } = generateApiToken();
    await insertApiToken(database.db, { name: "orphan", scope: "admin", tokenHash: hash, prefix, createdById: null });
    forgetVerifiedTokens();
    expect(await tokenActor(database.db, token)).toBeNull();
  });
});

// Two transactions at once need two connections: PGlite has one, so this race is Postgres's alone.
describe.each(testDrivers.filter((driver) => driver === "postgres"))("a member removed on %s", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  it("revokes a token created while its member is being removed, instead of leaving it ownerless", async () => {
    const { member: owner } = await memberWithToken(database.db, "leaving@example.com", "admin");
    const { token, hash, prefix } = generateApiToken();
    let inserted!: () => void;
    const tokenInserted = new Promise<void>((resolve) => (inserted = resolve));
    let finishCreating!: () => void;
    const creationMayCommit = new Promise<void>((resolve) => (finishCreating = resolve));
    const creating = database.db.transaction(async (tx) => {
      await insertApiToken(tx, { name: "raced", scope: "admin", tokenHash: hash, prefix, createdById: owner.id });
      inserted();
      await creationMayCommit;
    });
    await tokenInserted;
    const removing = database.db.transaction((tx) => removeMember(tx, owner.id));
    // Let the removal run as far as it can while the creation is still open.
    await new Promise((resolve) => setTimeout(resolve, 500));
    finishCreating();
    await Promise.all([creating, removing]);

    const row = await database.db.query.apiTokens.findFirst({ where: eq(apiTokens.tokenHash, hash) });
    expect(row?.revokedAt).toBeInstanceOf(Date);
    forgetVerifiedTokens();
    expect(await tokenActor(database.db, token)).toBeNull();
  });
});
