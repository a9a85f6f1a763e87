import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { listAuditEntries } from "@/db/queries/audit";
import { eq } from "drizzle-orm";
import { memberFactors, telegramAccounts, telegramSessions } from "@/db/schema";
import { secrets } from "@/lib/keys/encrypted-columns";
import { forgetVerifiedTokens, hashApiToken, looksLikeApiToken, tokenActor } from "@/lib/auth/actors";
import { encrypt, parseKeyRing } from "@/lib/vault";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("postgres");
});
afterAll(() => database.close());

/** Runs an npm script's entry point as an operator would, against the test database. */
function run(script: string, args: string[], env: Record<string, string> = {}, stdin = "") {
  const child = spawn("npx", ["tsx", "--conditions=react-server", script, ...args], {
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "warn", ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, output })),
  );
}

const newestRows = async (count: number) => (await listAuditEntries(database.db, { limit: count })).items;

it("`npm run admin -- create` records the member it created, and a refused duplicate, as the CLI", async () => {
  const create = () =>
    run(
      "scripts/admin.ts",
      ["create", "--email", "Ops@Example.com", "--role", "viewer"],
      {},
      "a long cli password 1\n",
    );
  expect(await create()).toMatchObject({ code: 0 });
  expect((await create()).code).toBe(1);
  const [refused, created] = await newestRows(2);
  expect(created).toMatchObject({
    actorId: null,
    actorLabel: "cli",
    action: "team_member.create",
    target: "ops@example.com",
    outcome: "success",
    detail: { role: "viewer" },
  });
  expect(refused).toMatchObject({
    actorLabel: "cli",
    action: "team_member.create",
    target: "ops@example.com",
    outcome: "failure",
    detail: { role: "viewer", reason: "email_taken" },
  });
  expect(JSON.stringify([created, refused])).not.toContain("a long cli password");
}, 60_000);

it("`npm run admin -- token create` prints a working token of that member once, and records it as the CLI", async () => {
  await run(
    "scripts/admin.ts",
    ["create", "--email", "ci@example.com", "--role", "viewer"],
    {},
    "a long cli password 2\n",
  );
  const created = await run("scripts/admin.ts", [
    "token",
    "create",
    "--email",
    "CI@example.com",
    "--scope",
    "read",
    "--expires-days",
    "30",
  ]);
  expect(created.code).toBe(0);
  const token = created.output.trim();
  expect(looksLikeApiToken(token)).toBe(true);
  forgetVerifiedTokens();
  expect(await tokenActor(database.db, token)).toMatchObject({ kind: "token", role: "viewer" });
  const stored = await database.db.query.apiTokens.findFirst({
    where: (t, { eq }) => eq(t.tokenHash, hashApiToken(token)),
  });
  expect(stored?.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

  const [row] = await newestRows(1);
  expect(row).toMatchObject({
    actorLabel: "cli",
    action: "api_token.create",
    target: "cli token for ci@example.com",
    outcome: "success",
    detail: { scope: "read", expiresInDays: 30, member: "ci@example.com" },
  });
  expect(JSON.stringify(row)).not.toContain(token);

  const adminForViewer = await run("scripts/admin.ts", [
    "token",
    "create",
    "--email",
    "ci@example.com",
    "--scope",
    "admin",
  ]);
  expect(adminForViewer).toMatchObject({ code: 1, output: expect.stringMatching(/use --scope read/) });
  expect(
    (await run("scripts/admin.ts", ["token", "create", "--email", "nobody@example.com", "--scope", "read"])).code,
  ).toBe(1);
  expect(
    (await run("scripts/admin.ts", ["token", "create", "--email", "ci@example.com", "--scope", "write"])).code,
  ).toBe(2);
  const refusals = await newestRows(2);
  expect(refusals.map((r) => [r.action, r.outcome, (r.detail as { reason?: string }).reason])).toEqual([
    ["api_token.create", "failure", "no member has that email"],
    ["api_token.create", "failure", "a viewer's token can only read: use --scope read"],
  ]);
}, 90_000);

it("`npm run admin -- mfa reset` removes a member's factors and records it as the CLI", async () => {
  await run(
    "scripts/admin.ts",
    ["create", "--email", "sole@example.com", "--role", "admin"],
    {},
    "a long cli password 3\n",
  );
  const member = await database.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, "sole@example.com") });
  await database.db.insert(memberFactors).values([
    { userId: member!.id, kind: "totp", name: "Lost phone", confirmedAt: new Date() },
    { userId: member!.id, kind: "totp", name: "Lost tablet", confirmedAt: new Date() },
  ]);
  const reset = await run("scripts/admin.ts", ["mfa", "reset", "--email", "Sole@Example.com"]);
  expect(reset.code).toBe(0);
  expect(await database.db.select().from(memberFactors).where(eq(memberFactors.userId, member!.id))).toEqual([]);
  expect((await run("scripts/admin.ts", ["mfa", "reset", "--email", "nobody@example.com"])).code).toBe(1);
  const [refused, done] = await newestRows(2);
  expect(done).toMatchObject({
    actorLabel: "cli",
    action: "second_factor.reset",
    target: "sole@example.com",
    outcome: "success",
    detail: { removed: 2 },
  });
  expect(refused).toMatchObject({ actorLabel: "cli", action: "second_factor.reset", outcome: "failure" });
}, 60_000);

it("`npm run keys -- rotate` records each run with its counts, as the CLI", async () => {
  const oldKey = `old:${randomBytes(32).toString("base64")}`;
  const newKey = `new:${randomBytes(32).toString("base64")}`;
  const accountId = randomUUID();
  const sessionId = randomUUID();
  await database.db
    .insert(telegramAccounts)
    .values({ id: accountId, telegramUserId: 8n, phoneMasked: "+999", dcId: 2 });
  await database.db.insert(telegramSessions).values({
    id: sessionId,
    accountId,
    dcId: 2,
    sessionCiphertext: encrypt(parseKeyRing(oldKey), "session", secrets.sessionString.binding(sessionId)),
  });
  const rotate = () => run("scripts/keys.ts", ["rotate"], { SESSION_ENCRYPTION_KEYS: `${newKey},${oldKey}` });
  expect(await rotate()).toMatchObject({ code: 0 });
  expect(await rotate()).toMatchObject({ code: 0 });
  const [second, first] = await newestRows(2);
  const row = { actorId: null, actorLabel: "cli", action: "keys.rotate", target: "new", outcome: "success" };
  expect(first).toMatchObject({ ...row, detail: { scanned: 1, rotated: 1, unreadable: 0 } });
  expect(second).toMatchObject({ ...row, detail: { scanned: 1, rotated: 0, unreadable: 0 } });
}, 60_000);
