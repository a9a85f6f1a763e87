import { ApiError } from "./errors";

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

/**
 * Maps statement errors that request data can provoke (a duplicate, a vanished reference, a value
 * Postgres refuses) to 4xx replies, so a race or a missed validation never becomes a 500.
 */
export function apiErrorFromDatabase(error: unknown): ApiError | undefined {
  if (isDatabaseUnavailable(error))
    return new ApiError(503, "database_unavailable", "The database is not reachable. Try again shortly.");
  const code = causes(error)
    .map(codeOf)
    .find((c) => c && /^[0-9A-Z]{5}$/.test(c));
  if (code === "23505") return new ApiError(409, "conflict", "That already exists.");
  if (code === "23503") return new ApiError(409, "conflict", "That refers to something that no longer exists.");
  if (code?.startsWith("22")) return new ApiError(400, "invalid_input", "A value was not accepted.");
  return undefined;
}
