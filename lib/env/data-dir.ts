import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "./index";

export function dataPath(...parts: string[]): string {
  const dir = path.resolve(env().DATA_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return path.join(dir, ...parts);
}

/**
 * Reads a secret kept in the data folder, creating it on first use. Only the embedded
 * default does this; with an external database secrets must come from configuration.
 */
export function readOrCreateSecret(name: string, bytes: number): { value: string; created: boolean } {
  const file = dataPath(name);
  try {
    return { value: readFileSync(file, "utf8").trim(), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const value = randomBytes(bytes).toString("base64url");
  writeFileSync(file, value + "\n", { mode: 0o600, flag: "wx" });
  return { value, created: true };
}
