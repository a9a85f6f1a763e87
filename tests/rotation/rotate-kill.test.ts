import { spawn } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { sessionRotations, telegramSessions } from "@/db/schema";
import { routeTestDatabase } from "@/tests/support/route-database";
import { checkSession } from "@/lib/health/check";
import type { TestDatabase } from "@/tests/support/database";
import { startConsoleSandbox } from "@/tests/support/sandbox";
import type { CrashPoint } from "./crash-at-step";
import { loggedInSession } from "./session-routes";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const sandbox = await startConsoleSandbox({ TELEGRAM_LEASE_SECONDS: "5" });
let database: TestDatabase;
let admin: string;

beforeAll(async () => ({ database, admin } = await routeTestDatabase("postgres")));
afterAll(() => database.close());

type Exit = { code: number | null; signal: string | null; stdout: string; stderr: string };

/**
 * A script in a process of its own (node + tsx, no wrapper process, so SIGKILL hits the process itself), with
 * `preload` imported before it.
 */
function runScript(script: string, env: Record<string, string>, preload: string[] = []): Promise<Exit> {
  const imports = ["tsx", ...preload].flatMap((module) => ["--import", module]);
  const child = spawn(process.execPath, ["--conditions=react-server", ...imports, script], {
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "error", ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })));
}

const crashPoints: CrashPoint[] = ["started", "exported", "accepted", "authorized", "swapped", "logged_out"];

it("leaves exactly one usable session after kill -9 at each rotation step and a restart", async () => {
  const results: Record<string, unknown>[] = [];
  for (const [index, step] of crashPoints.entries()) {
    const phone = `99966280${String(index).padStart(2, "0")}`;
    const oldId = await loggedInSession(admin, phone);
    const killed = await runScript("tests/rotation/rotate-child.ts", { SESSION_ID: oldId, ROTATION_CRASH_AT: step }, [
      "./tests/rotation/crash-at-step.ts",
    ]);
    expect(killed.signal, `${step}: ${killed.stderr}`).toBe("SIGKILL");
    const left = await database.db.query.sessionRotations.findFirst({ where: eq(sessionRotations.sessionId, oldId) });
    expect(left?.step, `${step}: the step the crash left`).toBe(step === "logged_out" ? "swapped" : step);
    const recovered = await runScript("tests/rotation/recover-child.ts", {});
    expect(recovered.code, recovered.stderr).toBe(0);

    const active = sandbox.authorizations(phone).filter((a) => a.state === "active");
    expect(active, `${step}: authorizations active at Telegram`).toHaveLength(1);
    const oldRow = await database.db.query.telegramSessions.findFirst({ where: eq(telegramSessions.id, oldId) });
    const rows = await database.db.query.telegramSessions.findMany({
      where: eq(telegramSessions.accountId, oldRow?.accountId ?? ""),
    });
    const usable = rows.filter((row) => row.status === "active" && row.sessionCiphertext);
    expect(usable, `${step}: usable sessions in the console`).toHaveLength(1);
    expect(
      rows
        .filter((row) => row.status !== "active")
        .every((row) => row.status === "revoked" && row.sessionCiphertext === null),
    ).toBe(true);
    const survivor = usable[0]?.id ?? "";
    expect((await checkSession(database.db, survivor)).result).toBe("ok");
    const rotation = await database.db.query.sessionRotations.findFirst({
      where: eq(sessionRotations.sessionId, oldId),
    });
    expect(["done", "rolled_back"]).toContain(rotation?.step);
    results.push({
      killedAfter: step,
      rotation: rotation?.step,
      survivor: survivor === oldId ? "old session" : "new session",
      recovery: recovered.stdout.trim(),
    });
  }
  console.table(results);
}, 300_000);
