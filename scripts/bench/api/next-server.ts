import { spawn } from "node:child_process";
import path from "node:path";
import { distDir, snapshotBuild } from "./build-snapshot";
import { freePort } from "./free-port";

export type RunningServer = { url: string; pid: number; staticDir?: string; stop(): Promise<void> };

/** `next start` on a private copy of the production build, monitor off. */
export async function startNextServer(env: Record<string, string>): Promise<RunningServer> {
  const build = await snapshotBuild();
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [path.resolve("node_modules/next/dist/bin/next"), "start", build.dir, "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        HEALTH_MONITOR: "off",
        LOG_LEVEL: "warn",
        NEXT_DIST_DIR: distDir,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    build.remove();
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (
    !(await fetch(`${url}/login`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not come up: ${output.slice(-1000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, pid: child.pid ?? 0, staticDir: path.join(build.dir, distDir, "static"), stop };
}
