import { DrizzleQueryError } from "drizzle-orm/errors";

const networkCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "EHOSTUNREACH",
]);
const unreachableMessages =
  /connection terminated|timeout exceeded when trying to connect|connection (is )?closed|connection error and is not queryable|PGlite is closed/i;

/** The chain of causes, outermost first; drizzle wraps driver errors in DrizzleQueryError. */
export function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (
    let current = error;
    current !== undefined && chain.length < 10;
    current = (current as { cause?: unknown })?.cause
  ) {
    chain.push(current);
    if (!(current instanceof Error)) break;
  }
  return chain;
}

/** The innermost error: the driver's own, which carries no query parameters. */
export function rootCause(error: unknown): unknown {
  return causes(error).at(-1);
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" ? code : undefined;
}

/** The SQLSTATE Postgres (or PGlite) answered with, if the error came from a statement. */
export function sqlState(error: unknown): string | undefined {
  // Node's own codes (EPIPE, ...) start with E; SQLSTATE classes never do.
  return causes(error)
    .map(codeOf)
    .find((code) => code !== undefined && /^[0-9A-DF-Z][0-9A-Z]{4}$/.test(code));
}

/** True when the database could not be reached or refused connections, as opposed to rejecting a statement. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some((e) => {
    const code = codeOf(e);
    if (
      code &&
      (networkCodes.has(code) || code.startsWith("08") || ["57P01", "57P02", "57P03", "53300"].includes(code))
    )
      return true;
    return e instanceof Error && unreachableMessages.test(e.message);
  });
}

/** True for a failed statement (drizzle's wrapper) or anything carrying a SQLSTATE. */
export function isDatabaseError(error: unknown): boolean {
  return causes(error).some((e) => e instanceof DrizzleQueryError) || sqlState(error) !== undefined;
}
