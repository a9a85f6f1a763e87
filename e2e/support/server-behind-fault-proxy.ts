import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startFaultProxy, type FaultProxy } from "@/tests/support/tcp-fault-proxy";
import { e2eDataDir, e2eSandboxFile } from "./config";
import { e2eDatabaseUrl } from "./database-url";

export type ServerBehindFaultProxy = {
  baseURL: string;
  /** Sits between this server and Postgres: `proxy.setDown(true)` takes the database away from under it. */
  proxy: FaultProxy;
  /** Everything the server printed so far. */
  log(): string;
  stop(): Promise<void>;
};

/**
 * A second `next start` of the same production build, on the e2e database but reaching Postgres only through
 * a TCP fault proxy: the honest way to make the real server fail without a test-only trigger in its code.
 */
export async function startServerBehindFaultProxy(): Promise<ServerBehindFaultProxy> {
  const databaseUrl = new URL(e2eDatabaseUrl());
  const proxy = await startFaultProxy({ host: databaseUrl.hostname, port: Number(databaseUrl.port || 5432) });
  databaseUrl.host = `127.0.0.1:${proxy.port}`;
  const port = await freePort();
  let output = "";
  // Its own process group, so stop() ends next and every child it started, not just npx.
  const server = spawn("npx", ["next", "start", "-p", String(port)], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl.toString(),
      DATA_DIR: path.join(e2eDataDir, `behind-fault-proxy-${port}`),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      SESSION_ENCRYPTION_KEYS: `fault:${randomBytes(32).toString("base64")}`,
      REQUIRE_ADMIN_MFA: "off",
      TELEGRAM_SANDBOX_URL: (JSON.parse(readFileSync(e2eSandboxFile, "utf8")) as { control: string }).control,
      // The main e2e server already runs a monitor on this database.
      HEALTH_MONITOR: "off",
      // Plain text, as a log file gets it (Playwright asks its children for colours).
      FORCE_COLOR: "0",
    },
  });
  for (const stream of [server.stdout, server.stderr])
    stream.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));

  const baseURL = `http://localhost:${port}`;
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      process.kill(-server.pid!, "SIGTERM");
      await exited;
    }
    await proxy.close();
  };
  try {
    await waitUntilReady(baseURL, () => server.exitCode !== null);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; its output:\n${output}`);
  }
  return { baseURL, proxy, log: () => output, stop };
}

async function waitUntilReady(baseURL: string, hasExited: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error("the second server exited before it was ready");
    const ready = await fetch(`${baseURL}/api/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await sleep(250);
  }
  throw new Error("the second server was not ready within 60 s");
}

/** A port nothing listens on right now, chosen by the operating system. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
