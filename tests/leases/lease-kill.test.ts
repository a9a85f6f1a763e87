import { spawn } from "node:child_process";
import { eq } from "drizzle-orm";
import { Api } from "telegram";
import { afterAll, beforeAll, expect, it } from "vitest";
import { keyLeases } from "@/db/schema";
import { maintenancePass } from "@/lib/background";
import { sleep } from "@/lib/telegram/connection/backoff";
import { ConnectionManager } from "@/lib/telegram/connection/manager";
import { newClient } from "@/sandbox/test/helpers";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { startConsoleSandbox } from "@/tests/support/sandbox";
import { seedOne } from "@/tests/support/sandbox-sessions";

// A killed console's mint is taken over after twice TELEGRAM_LEASE_SECONDS.
const sandbox = await startConsoleSandbox({ TELEGRAM_LEASE_SECONDS: "5" });
let database: TestDatabase;
beforeAll(async () => (database = await createTestDatabase("postgres")));
afterAll(() => database.close());

/** The lease child in a process of its own (node + tsx, no wrapper, so SIGKILL hits the process itself). */
function lendAndDie(env: Record<string, string>): Promise<{ signal: string | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tests/leases/lease-child.ts"],
    {
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "error", ...env },
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (_code, signal) => resolve({ signal, stdout, stderr })));
}

async function getMe(session: string): Promise<string> {
  const client = newClient(sandbox, session);
  try {
    await client.connect();
    await client.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));
    return "ok";
  } catch (error) {
    return (error as { errorMessage?: string }).errorMessage ?? String(error);
  } finally {
    await client.destroy().catch(() => undefined);
  }
}

it("kill -9 of a console with leases open, one of them mid-mint: after a restart every expired lease is logged out at Telegram", async () => {
  const { id, phone } = await seedOne(database.db);
  const lent = await lendAndDie({ SESSION_ID: id, TTL_SECONDS: "2" });
  expect(lent.signal, lent.stderr).toBe("SIGKILL");
  const lease = JSON.parse(lent.stdout.trim().split("\n").at(-1) ?? "{}") as { id: string; session: string };
  expect(await getMe(lease.session)).toBe("ok");
  // The dead process held the session; a new console may use it once that hold lapses.
  await sleep(5_500);
  const midMint = await lendAndDie({
    SESSION_ID: id,
    TTL_SECONDS: "2",
    KILL_AFTER_MS: String(Math.random() * 30),
  });
  expect(midMint.signal, midMint.stderr).toBe("SIGKILL");
  const statuses = await database.db.query.keyLeases.findMany({ where: eq(keyLeases.sessionId, id) });
  expect(statuses.map((row) => row.status).sort()).toEqual(["active", "minting"]);

  // The restarted console: a new process's memory (a new connection manager), only the database to go by.
  await sleep(2_500);
  const manager = new ConnectionManager();
  const deadline = Date.now() + 45_000;
  const open = async () =>
    (await database.db.query.keyLeases.findMany({ where: eq(keyLeases.sessionId, id) })).filter(
      (row) => row.status !== "logged_out",
    );
  try {
    while ((await open()).length > 0 && Date.now() < deadline) {
      await maintenancePass(database.db, manager);
      await sleep(500);
    }
  } finally {
    await manager.closeAll();
  }
  expect(await open()).toEqual([]);
  expect(await getMe(lease.session)).toMatch(/^(AUTH_KEY_UNREGISTERED|SESSION_REVOKED)$/);
  // Only the console's own authorization is left: neither lease, nor a half-minted key, outlives the crash.
  expect(sandbox.authorizations(phone).filter((a) => a.state === "active")).toHaveLength(1);
}, 120_000);
