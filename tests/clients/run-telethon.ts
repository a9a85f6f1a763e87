import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Debian's python3-telethon, unmodified, run by /usr/bin/python3 (another python3 may come first on the PATH). */
const PYTHON = "/usr/bin/python3";
const SCRIPT = fileURLToPath(new URL("./telethon.py", import.meta.url));

export interface FlowResult {
  flow: string;
  ok: boolean;
  detail: unknown;
  seconds: number;
}

export function runTelethon(input: object): Promise<{ results: Map<string, FlowResult>; stderr: string }> {
  return new Promise((resolve, reject) => {
    // -P: the script's folder stays off sys.path, so telethon.py does not shadow the telethon package.
    const child = spawn(PYTHON, ["-P", SCRIPT], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", () => {
      const lines = stdout.split("\n").filter(Boolean);
      const results = new Map(lines.map((line) => JSON.parse(line) as FlowResult).map((r) => [r.flow, r]));
      resolve({ results, stderr });
    });
    child.stdin.end(JSON.stringify(input));
  });
}
