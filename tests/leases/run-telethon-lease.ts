import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const PYTHON = "/usr/bin/python3";
const SCRIPT = fileURLToPath(new URL("./telethon-lease.py", import.meta.url));

export type TelethonGetMe = { ok: true; phone: string } | { ok: false; error: string };

/** GetMe through Debian's Telethon with a lease's string (the string goes over stdin, never the command line). */
export function telethonGetMe(session: string): Promise<TelethonGetMe> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ["-P", SCRIPT], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", () => {
      const line = stdout.split("\n").find(Boolean);
      if (!line) return reject(new Error(`Telethon printed nothing: ${stderr}`));
      resolve(JSON.parse(line) as TelethonGetMe);
    });
    child.stdin.end(JSON.stringify({ session }));
  });
}
