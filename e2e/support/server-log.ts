import { readFileSync } from "node:fs";
import { e2eServerLog } from "./config";

/** The console's log as a person running it would read it. */
export function serverLog(): string {
  return readFileSync(e2eServerLog, "utf8");
}

/** The one-time setup token from the log's pino line, or null while it has not been printed yet. */
export function setupTokenFromLog(): string | null {
  const matches = [...serverLog().matchAll(/setup token: (\S+?)"/g)];
  return matches.at(-1)?.[1] ?? null;
}
