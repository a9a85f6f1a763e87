import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { auditLog, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actors";
import { hugeBody } from "@/tests/support/huge-body";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { ApiError } from "./errors";
import { createApiRoute } from "./route";
import { peerHeader, peerStamp } from "@/lib/http/client-ip";

const origin = "http://console.test";
const noParams = { params: Promise.resolve({}) };

function request(method: string, body?: string, headers: Record<string, string> = {}) {
  return new Request(`${origin}/api/v1/things`, {
    method,
    body,
    headers: { "content-type": "application/json", origin, ...headers },
  });
}

describe.each(testDrivers)("apiRoute on %s", (driver) => {
  let database: TestDatabase;
  let actor: Actor | null;
  let admin: Actor;
  const apiRoute = createApiRoute({ getDb: async () => database.db, getActor: async () => actor });
  const createThing = apiRoute(
    {
      summary: "Create a thing",
      response: z.object({ email: z.string() }),
      role: "admin",
      status: 201,
      body: z.object({ email: z.email() }),
      audit: { action: "team_member.create", target: ({ body }) => body.email },
    },
    async ({ db, body }) => {
      await db.insert(users).values({ email: body.email, passwordHash: "x", role: "viewer" });
      if (body.email.startsWith("refuse")) throw new ApiError("conflict", "Refused after writing.");
      if (body.email.startsWith("crash")) throw new Error("secret detail of a bug");
      return { email: body.email };
    },
  );
  const readThing = apiRoute(
    {
      summary: "Read a thing",
      response: z.object({ id: z.string() }),
      role: "viewer",
      params: z.object({ id: z.uuid() }),
    },
    async ({ params }) => ({
      id: params.id,
    }),
  );

  const annotate = apiRoute(
    {
      summary: "Annotate",
      response: z.object({ note: z.string().nullable() }),
      role: "admin",
      body: z.object({ note: z.string().optional() }).strict(),
      optionalBody: true,
      audit: { action: "team_member.create" },
    },
    async ({ body }) => ({ note: body.note ?? null }),
  );

  const auditRows = () => database.db.query.auditLog.findMany({ orderBy: auditLog.id });
  const userNamed = (email: string) => database.db.query.users.findFirst({ where: eq(users.email, email) });

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    const [row] = await database.db
      .insert(users)
      .values({ email: "admin@example.com", passwordHash: "x", role: "admin" })
      .returning();
    admin = {
      kind: "user",
      id: row!.id,
      email: "admin@example.com",
      role: "admin",
      label: "admin@example.com",
      mustChangePassword: false,
      hasFactor: false,
      factorAt: null,
      mustEnrolFactor: false,
    };
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    actor = admin;
    await database.db.delete(auditLog).where(eq(auditLog.outcome, "success"));
    await database.db.delete(auditLog).where(eq(auditLog.outcome, "failure"));
  });

  it("commits the change and its audit row together, with no-store", async () => {
    const response = await createThing(
      request("POST", '{"email":"new@example.com"}', { [peerHeader]: peerStamp("10.0.0.9"), "user-agent": "vitest" }),
      noParams,
    );
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ email: "new@example.com" });
    expect(await userNamed("new@example.com")).toBeDefined();
    expect(await auditRows()).toMatchObject([
      {
        action: "team_member.create",
        target: "new@example.com",
        outcome: "success",
        actorId: admin.id,
        actorLabel: "admin@example.com",
        ip: "10.0.0.9",
        userAgent: "vitest",
      },
    ]);
  });

  it("refuses a member who must first replace a temporary password", async () => {
    actor = { ...admin, mustChangePassword: true } as Actor;
    const response = await readThing(request("GET", undefined), { params: Promise.resolve({ id: admin.id }) });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "password_change_required" } });
  });

  it("sends an admin who must add a second factor to do that first; the enrolment routes stay open", async () => {
    actor = { ...admin, mustEnrolFactor: true } as Actor;
    const refused = await readThing(request("GET", undefined), { params: Promise.resolve({ id: admin.id }) });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "second_factor_required" } });
    const enrolling = apiRoute(
      { summary: "Enrol", response: z.object({ ok: z.boolean() }), role: "viewer", enrolment: true },
      async () => ({ ok: true }),
    );
    expect((await enrolling(request("GET", undefined), noParams)).status).toBe(200);
  });

  it("rolls the change back when the handler refuses, and records the failure", async () => {
    const response = await createThing(request("POST", '{"email":"refuse@example.com"}'), noParams);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: "conflict", message: "Refused after writing." } });
    expect(await userNamed("refuse@example.com")).toBeUndefined();
    expect(await auditRows()).toMatchObject([{ outcome: "failure", target: "refuse@example.com" }]);
  });

  it("answers an unexpected error with a generic 500 and rolls back", async () => {
    const response = await createThing(request("POST", '{"email":"crash@example.com"}'), noParams);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toContain("internal_error");
    expect(text).not.toContain("secret detail");
    expect(await userNamed("crash@example.com")).toBeUndefined();
    expect(await auditRows()).toEqual([]);
  });

  it("maps a unique violation to 409", async () => {
    const response = await createThing(request("POST", '{"email":"admin@example.com"}'), noParams);
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe("conflict");
  });

  it.each([
    ["bad JSON", request("POST", "{nope"), "The request body is not valid JSON."],
    [
      "wrong content type",
      request("POST", '{"email":"a@example.com"}', { "content-type": "text/plain" }),
      "Send a JSON body with Content-Type: application/json.",
    ],
    ["wrong shape", request("POST", '{"email":42}'), "Some fields are not valid."],
  ])("rejects %s with 400", async (_name, req, message) => {
    const response = await createThing(req, noParams);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_input", message } });
  });

  it("answers 413 payload_too_large to a 256 MiB body, having read little more than 64 KiB of it", async () => {
    const body = hugeBody();
    const response = await createThing(
      new Request(`${origin}/api/v1/things`, {
        method: "POST",
        body: body.stream,
        headers: { "content-type": "application/json", origin },
        duplex: "half",
      } as RequestInit),
      noParams,
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
    expect(body.pulled()).toBeLessThan(1024 * 1024);
  });

  it.each([
    ["no body and no content type", undefined, "", 200, { note: null }],
    ["only whitespace", " \n", "", 200, { note: null }],
    ["a JSON body", '{"note":"x"}', "application/json", 200, { note: "x" }],
    [
      "a body of another type",
      '{"note":"x"}',
      "text/plain",
      400,
      { error: { code: "invalid_input", message: "Send a JSON body with Content-Type: application/json." } },
    ],
    [
      "bad JSON",
      "{nope",
      "application/json",
      400,
      { error: { code: "invalid_input", message: "The request body is not valid JSON." } },
    ],
    [
      "an unknown field",
      '{"other":1}',
      "application/json",
      400,
      { error: { code: "invalid_input", message: "Some fields are not valid." } },
    ],
    [
      "a body over 64 KiB",
      `{"note":"${"x".repeat(64 * 1024)}"}`,
      "",
      413,
      { error: { code: "payload_too_large", message: "The request body is larger than 64 KiB." } },
    ],
  ])("reads an optional body: %s", async (_name, body, type, status, answer) => {
    const req = request("POST", body, { "content-type": type });
    if (!type) req.headers.delete("content-type");
    const response = await annotate(req, noParams);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject(answer);
  });

  it("names the invalid fields", async () => {
    const body = await (await createThing(request("POST", '{"email":"nope"}'), noParams)).json();
    expect(Object.keys(body.error.fields)).toEqual(["email"]);
  });

  it("rejects bad path parameters with 400", async () => {
    const response = await readThing(request("GET"), { params: Promise.resolve({ id: "1 or 1=1" }) });
    expect(response.status).toBe(400);
  });

  it("answers 401 without an actor, before looking at the input", async () => {
    actor = null;
    const response = await createThing(request("POST", "{nope"), noParams);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthenticated");
  });

  it("forbids a viewer on an admin route and records the attempt", async () => {
    actor = { ...admin, role: "viewer" };
    const response = await createThing(request("POST", '{"email":"v@example.com"}'), noParams);
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden");
    expect(await auditRows()).toMatchObject([{ outcome: "failure", action: "team_member.create" }]);
  });

  it.each([
    ["no Origin", { origin: "" }, 403],
    ["a foreign Origin", { origin: "https://evil.test" }, 403],
    ["Origin null", { origin: "null" }, 403],
    ["a cross-site fetch", { origin: "", "sec-fetch-site": "cross-site" }, 403],
    ["Sec-Fetch-Site same-origin", { origin: "", "sec-fetch-site": "same-origin" }, 201],
  ])("checks the origin of cookie mutations: %s", async (_name, headers, status) => {
    const req = request("POST", `{"email":"o${status}${Math.random()}@example.com"}`, headers);
    if (!headers.origin) req.headers.delete("origin");
    const response = await createThing(req, noParams);
    expect(response.status).toBe(status);
    if (status === 403) expect((await response.json()).error.code).toBe("csrf_rejected");
  });

  it("lets API tokens mutate without an Origin", async () => {
    actor = {
      kind: "token",
      id: "t",
      name: "ci",
      role: "admin",
      label: "token:ci",
      createdById: admin.id,
      scope: "admin",
    };
    const req = request("POST", '{"email":"token@example.com"}');
    req.headers.delete("origin");
    expect((await createThing(req, noParams)).status).toBe(201);
    expect(await auditRows()).toMatchObject([{ actorLabel: "token:ci", actorId: admin.id }]);
  });

  it("asks a member with a second factor for a proof younger than ten minutes on a stepUp route", async () => {
    const sensitive = apiRoute(
      {
        summary: "Remove",
        response: z.object({ done: z.boolean() }),
        role: "viewer",
        optionalBody: true,
        stepUp: true,
        audit: { action: "second_factor.remove" },
      },
      async () => ({ done: true }),
    );
    const now = Math.floor(Date.now() / 1000);
    const call = async (who: Actor) => {
      actor = who;
      return sensitive(request("POST", "{}"), noParams);
    };
    const member = { ...admin, role: "viewer" } as Extract<Actor, { kind: "user" }>;
    const stale = await call({ ...member, hasFactor: true, factorAt: now - 11 * 60 });
    expect(stale.status).toBe(403);
    expect((await stale.json()).error.code).toBe("step_up_required");
    expect((await call({ ...member, hasFactor: true, factorAt: null })).status).toBe(403);
    expect((await call({ ...member, hasFactor: true, factorAt: now - 60 })).status).toBe(200);
    expect((await call({ ...member, hasFactor: false, factorAt: null })).status).toBe(200);
    expect(await auditRows()).toMatchObject([{ outcome: "failure" }, { outcome: "failure" }, {}, {}]);
  });

  it("never runs a mutation on GET nor a read on POST", async () => {
    expect((await createThing(request("GET"), noParams)).status).toBe(405);
    expect((await readThing(request("POST", "{}"), { params: Promise.resolve({ id: admin.id }) })).status).toBe(405);
  });

  it("answers 503 when the database cannot be reached", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    const offline = createApiRoute({ getDb: () => Promise.reject(refused), getActor: async () => admin });
    const response = await offline({ summary: "Read", response: z.string(), role: "viewer" }, async () => "never")(
      request("GET"),
      noParams,
    );
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe("database_unavailable");
  });
});
