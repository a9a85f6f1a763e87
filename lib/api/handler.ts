import { getDb } from "@/db";
import { getActor } from "@/lib/auth/guard";
import { createApiRoute } from "./route";

/**
 * The one wrapper every /api/v1 route handler uses: authenticate → same-origin check for cookie
 * mutations → role → validate → run (mutations in one transaction with their audit row) → JSON, no-store.
 */
export const apiRoute = createApiRoute({ getDb, getActor });

export { ApiError, notFound, rateLimited } from "./errors";
