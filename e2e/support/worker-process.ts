import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { killGroup } from "./crash-console";

/** `npm run worker` in a process group of its own, so kill -9 of the group is a crashed worker host. */
export class WorkerProcess {
  private child: ChildProcess | undefined;

  constructor(
    private readonly env: Record<string, string>,
    private readonly logFile: string,
  ) {}

  start(): void {
    const log = createWriteStream(this.logFile, { flags: "a" });
    const child = spawn("npm", ["run", "--silent", "worker"], {
      env: { ...process.env, ...this.env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.child = child;
  }

  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    await killGroup(child);
  }
}
