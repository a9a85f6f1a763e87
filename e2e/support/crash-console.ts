import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";

/**
 * The production console (`next start` on the build in NEXT_DIST_DIR) in a process group of its own, so a
 * SIGKILL of the group is kill -9 of everything it runs, as a crashed host would leave it.
 */
export class ConsoleProcess {
  private child: ChildProcess | undefined;

  constructor(
    private readonly port: number,
    private readonly env: Record<string, string>,
    private readonly logFile: string,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the console and waits until /api/healthz answers 200; returns how long that took (ms). */
  async start(timeoutMs = 60_000): Promise<number> {
    const startedAt = Date.now();
    const log = createWriteStream(this.logFile, { flags: "a" });
    const child = spawn("npx", ["next", "start", "-p", String(this.port)], {
      env: { ...process.env, ...this.env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let tail = "";
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.pipe(log);
      stream.on("data", (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-3000)));
    }
    this.child = child;
    while (Date.now() - startedAt < timeoutMs) {
      // The log file goes with the run's folder: what the console said comes along in the error.
      if (child.exitCode !== null)
        throw new Error(`the console exited with ${child.exitCode} while starting on port ${this.port}:\n${tail}`);
      if (await this.healthy()) return Date.now() - startedAt;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the console was not healthy within ${timeoutMs} ms (see ${this.logFile})`);
  }

  /** kill -9 of the console's whole process group; resolves once it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    await killGroup(child);
  }

  private async healthy(): Promise<boolean> {
    try {
      return (await fetch(`${this.baseUrl}/api/healthz`, { signal: AbortSignal.timeout(2_000) })).status === 200;
    } catch {
      return false;
    }
  }
}

/** kill -9 of a process started with `detached: true` and everything it runs; resolves once it is gone. */
export async function killGroup(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  process.kill(-child.pid!, "SIGKILL");
  await exited;
}
