import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { routeTestDatabase } from "@/tests/support/route-database";
import type { TestDatabase } from "@/tests/support/database";
import { loginClient } from "@/tests/support/login-routes";
import { startConsoleSandbox } from "@/tests/support/sandbox";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const run = promisify(execFile);
const sandbox = await startConsoleSandbox();
let database: TestDatabase;
let token: string;

beforeAll(async () => ({ database, admin: token } = await routeTestDatabase("postgres")));
afterAll(() => database.close());

it("completes a 2FA login in a fresh process after the console stopped between the code and password steps", async () => {
  const phone = "9996625555";
  sandbox.createAccount({ phone, password: "after restart", hint: "restart" });
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
