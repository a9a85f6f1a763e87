import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { memberWithToken, useTestDb } from "@/tests/support/route-database";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { loginClient } from "@/tests/support/login-routes";
import { startTestSandbox } from "@/tests/support/sandbox";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const run = promisify(execFile);
const sandbox = await startTestSandbox();
const keys = `restart:${randomBytes(32).toString("base64")}`;
Object.assign(process.env, { TELEGRAM_SANDBOX_URL: sandbox.info.control, SESSION_ENCRYPTION_KEYS: keys });
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase("postgres");
  useTestDb(database.db);
});
afterAll(async () => {
  await database.close();
  await sandbox.cleanup();
});

it("completes a 2FA login in a fresh process after the console stopped between the code and password steps", async () => {
  const phone = "9996625555";
  sandbox.createAccount({ phone, password: "after restart", hint: "restart" });
  const { token } = await memberWithToken(database.db, "admin@example.com", "admin");
  const { stdout } = await run("npx", ["tsx", "--conditions=react-server", "tests/support/login-until-password.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      API_TOKEN: token,
      PHONE: phone,
      CODE: "22222",
      LOG_LEVEL: "error",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
    },
  });
  const flow = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as { id: string; step: string };
  expect(flow.step).toBe("password");

  const done = await loginClient(token).password(flow.id, "after restart");
  expect(done.body).toMatchObject({ step: "done" });
  expect(sandbox.authorizations(phone)).toHaveLength(1);
}, 60_000);
