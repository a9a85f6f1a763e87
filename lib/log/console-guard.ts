import { safeErrorObject } from "./safe-error";

const guarded = Symbol.for("tsc.console-guard");

/**
 * Next prints errors of pages and server actions with console.error itself, past our log's serializer:
 * errors handed to the console are replaced by their loggable part first (see safe-error.ts).
 */
export function guardConsoleErrors(target: Console = console): void {
  const marked = target as Console & { [guarded]?: true };
  if (marked[guarded]) return;
  marked[guarded] = true;
  for (const method of ["error", "warn", "log", "info"] as const) {
    const print = target[method].bind(target);
    target[method] = (...args: unknown[]) =>
      print(...args.map((arg) => (arg instanceof Error ? safeErrorObject(arg) : arg)));
  }
}
