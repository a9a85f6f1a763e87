import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import type { SandboxInfo } from "@/sandbox/sandbox";

export type SandboxProcess = {
  info: SandboxInfo;
  control<T>(method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
};

/** The sandbox DC in its own process, so the monitor's figures are the monitor's alone. */
export async function startSandboxProcess(): Promise<SandboxProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "sweep-bench-sandbox-"));
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "sandbox/cli.ts", "--json", "--no-seed", "--data-dir", dataDir],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  const info = JSON.parse(firstLine) as SandboxInfo;
  return {
    info,
    async control<T>(method: string, route: string, body?: unknown): Promise<T> {
      const response = await fetch(`${info.control}${route}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok)
        throw new Error(`sandbox control ${method} ${route}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    async stop() {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
