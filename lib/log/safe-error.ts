/**
 * What of an error may be logged: its kind, message, SQL state, stack, cause and Next's digest (the id a
 * failed page shows), nothing else. Driver errors
 * carry the failed statement's parameters (a password hash, a ciphertext) and Postgres' detail with row values;
 * Drizzle even writes the parameters into the message (`Failed query: … params: …`), so that line goes too,
 * and Postgres quotes the offending value at the end of some messages (`invalid input syntax for type
 * integer: "…"`), which is cut.
 * Errors are matched by shape, not class: Next bundles drizzle-orm once per route bundle.
 */
export type SafeError = {
  type: string;
  message: string;
  sqlState?: string;
  digest?: string;
  stack?: string;
  cause?: SafeError;
};

const paramsLine = /\nparams: [\s\S]*$/;
const quotedValue = /: "[\s\S]*$/;
const sqlStateShape = /^[0-9A-Z]{5}$/;

function sqlStateOf(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && sqlStateShape.test(code) ? code : undefined;
}

function safeMessage(error: Error): string {
  if (typeof (error as { query?: unknown }).query === "string" && error.message.startsWith("Failed query:"))
    return error.message.replace(paramsLine, "");
  return sqlStateOf(error) ? error.message.replace(quotedValue, ": [value]") : error.message;
}

export function safeError(error: Error, depth = 0): SafeError {
  const message = safeMessage(error);
  const sqlState = sqlStateOf(error);
  const digest = (error as { digest?: unknown }).digest;
  const cause = error.cause instanceof Error && depth < 3 ? safeError(error.cause, depth + 1) : undefined;
  return {
    type: error.name,
    message,
    ...(sqlState ? { sqlState } : {}),
    ...(typeof digest === "string" ? { digest } : {}),
    ...(error.stack ? { stack: error.stack.replace(error.message, message) } : {}),
    ...(cause ? { cause } : {}),
  };
}

/** The same, as an Error again, for printers that want one (console.error prints its stack and cause). */
export function safeErrorObject(error: Error): Error {
  const safe = safeError(error);
  const copy = new Error(safe.message, safe.cause ? { cause: safeErrorObject(error.cause as Error) } : undefined);
  copy.name = safe.type;
  if (safe.stack) copy.stack = safe.stack;
  if (safe.sqlState) Object.assign(copy, { code: safe.sqlState });
  if (safe.digest) Object.assign(copy, { digest: safe.digest });
  return copy;
}
