import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEntries } from "@/db/queries/audit";
import { createUser } from "@/db/queries/users";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { cliActor, requestMeta, systemActor, writeAudit } from ".";
import { hashPassword } from "@/lib/auth/sign-in";
import { peerHeader, peerStamp } from "@/lib/http/client-ip";

describe("request meta", () => {
  it("takes the address the console's server saw, and the user agent", () => {
    const headers = new Headers({ [peerHeader]: peerStamp("203.0.113.5"), "user-agent": "curl/8" });
    expect(requestMeta(headers)).toEqual({ ip: "203.0.113.5", userAgent: "curl/8" });
  });

  it("knows no address from headers a client chose alone", () => {
    const forged = new Headers({ "x-forwarded-for": "10.0.0.1, 203.0.113.5", "x-real-ip": "198.51.100.2" });
    expect(requestMeta(forged)).toEqual({ ip: null, userAgent: null });
  });
});

describe("writeAudit", () => {
  let database: TestDatabase;
  let memberId: string;
  const meta = { ip: "203.0.113.5", userAgent: "curl/8" };

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    const member = await createUser(database.db, {
      email: "admin@example.com",
      role: "admin",
      passwordHash: await hashPassword("password one 1"),
      mustChangePassword: false,
    });
    memberId = member.id;
  });
  afterAll(() => database.close());

  const newest = async () => (await listAuditEntries(database.db, { limit: 1 })).items[0];

  it("names a signed-in member by id and email, with where the request came from", async () => {
    const member = {
      kind: "user" as const,
      id: memberId,
      email: "admin@example.com",
      role: "admin" as const,
      label: "admin@example.com",
      mustChangePassword: false,
    };
    await writeAudit(database.db, member, { action: "settings.update", outcome: "success", detail: { a: 1 } }, meta);
    expect(await newest()).toMatchObject({
      actorId: memberId,
      actorLabel: "admin@example.com",
      action: "settings.update",
      outcome: "success",
      target: null,
      ip: "203.0.113.5",
      userAgent: "curl/8",
      detail: { a: 1 },
    });
  });

  it("records an API token's act under the member who created it", async () => {
    const token = { kind: "token" as const, id: "t1", name: "ci", role: "admin" as const, label: "token:ci" };
    await writeAudit(database.db, { ...token, createdById: memberId }, { action: "session.check", outcome: "failure" });
    expect(await newest()).toMatchObject({ actorId: memberId, actorLabel: "token:ci", action: "session.check" });
  });

  it("names the system, the CLI and an unknown email without a member id", async () => {
    await writeAudit(database.db, systemActor, { action: "session.rotate", outcome: "success", target: "s1" });
    expect(await newest()).toMatchObject({ actorId: null, actorLabel: "system", target: "s1", ip: null });
    await writeAudit(database.db, cliActor, { action: "keys.rotate", outcome: "success" });
    expect(await newest()).toMatchObject({ actorId: null, actorLabel: "cli", action: "keys.rotate" });
    await writeAudit(
      database.db,
      { id: null, label: "who@example.com" },
      { action: "auth.sign_in", outcome: "failure" },
      meta,
    );
    expect(await newest()).toMatchObject({ actorId: null, actorLabel: "who@example.com", ip: "203.0.113.5" });
  });
});
