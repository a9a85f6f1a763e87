import { spawn } from "node:child_process";

/** Runs a TypeScript entry point through tsx; resolves with its stdout (and stderr, unless `passStderr` shows it live). */
export function runTsx(
  args: string[],
  env: Record<string, string | undefined> = {},
  passStderr = false,
): Promise<string> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", ...args], {
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", passStderr ? "inherit" : "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      if (code === 0) resolve(stdout + stderr);
      else reject(new Error(`${args.join(" ")} exited with ${code}: ${(stdout + stderr).slice(-2000)}`));
    });
  });
}

/** The first number after `label` in `text`, commas removed. */
export function numberAfter(text: string, label: RegExp): number {
  const match = new RegExp(`${label.source}\\s*([\\d,.]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no figure for ${label} in: ${text.slice(-500)}`);
  return Number(match[1].replace(/,/g, ""));
}
