import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import path from "node:path";
import { sql } from "drizzle-orm";
import { connectNeon } from "@/db/connect-neon";
import { testPostgresUrl } from "@/tests/support/database";
import { e2eDatabaseName, e2eDataDir, e2ePort, e2eSandboxFile, e2eServerLog } from "./config";

// Starts the production build on a fresh Postgres database, as an operator would run it.
const migrationsFolder = path.resolve("db/migrations");
if (!existsSync(path.resolve(process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"))) {
  // Fail at once (Playwright would otherwise wait for the health URL until its timeout).
  console.error("e2e: no production build in .next. Run `npx next build` first (`npm run test:e2e` does both).");
  process.exit(1);
}
rmSync(e2eDataDir, { recursive: true, force: true });
mkdirSync(e2eDataDir, { recursive: true });

const admin = await connectNeon(testPostgresUrl, { relay: true, migrationsFolder, max: 1 });
await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${e2eDatabaseName} WITH (FORCE)`));
await admin.db.execute(sql.raw(`CREATE DATABASE ${e2eDatabaseName}`));
await admin.close();

const url = new URL(testPostgresUrl);
url.pathname = `/${e2eDatabaseName}`;
const database = await connectNeon(url.toString(), { relay: true, migrationsFolder, max: 1 });
await database.migrate();
await database.close();

const sandbox = spawn("npx", ["tsx", "sandbox/cli.ts", "--json", "--data-dir", path.join(e2eDataDir, "sandbox")], {
  stdio: ["ignore", "pipe", "inherit"],
});
const [readyLine] = (await once(createInterface({ input: sandbox.stdout }), "line")) as [string];
const sandboxInfo = JSON.parse(readyLine) as { control: string };
writeFileSync(e2eSandboxFile, readyLine);

const logFile = createWriteStream(e2eServerLog);
// `npm start`'s server; the specs' browsers send X-Forwarded-For from loopback as a reverse proxy would.
const server = spawn("npx", ["tsx", "scripts/start.ts"], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(e2ePort),
    TRUSTED_PROXIES: "127.0.0.0/8, ::1",
    // The alert specs' receivers listen on loopback over plain http.
    ALERT_ALLOW_PRIVATE_URLS: "on",
    DATABASE_URL: url.toString(),
    DATA_DIR: e2eDataDir,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    TELEGRAM_SANDBOX_URL: sandboxInfo.control,
    SESSION_ENCRYPTION_KEYS: `e2e:${randomBytes(32).toString("base64")}`,
    // The specs sign admins in with a password alone; e2e/14-second-factor.spec.ts drives the factor itself.
    REQUIRE_ADMIN_MFA: "off",
  },
  stdio: ["ignore", "pipe", "pipe"],
});
server.stdout.pipe(logFile);
server.stderr.pipe(logFile);
server.stderr.pipe(process.stderr);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.kill(signal);
    sandbox.kill(signal);
  });
}
server.on("exit", (code) => {
  sandbox.kill("SIGTERM");
  process.exit(code ?? 0);
});
