import { getDb } from "@/db";
import { apiErrorFromDatabase, rootCause } from "@/lib/api/database-errors";
import { ApiError } from "@/lib/api/errors";
import { errorReply } from "@/lib/api/reply";
import { getActor } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { metricsAccess } from "@/lib/metrics/access";
import { refreshConnectionGauge } from "@/lib/metrics/connections";
import { refreshSessionGauge } from "@/lib/metrics/health";
import { metricsRegistry } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

const refusals = {
  unauthenticated: new ApiError(
    401,
    "unauthenticated",
    "Send the metrics token, an admin API token, or sign in as an admin.",
  ),
  forbidden: new ApiError(403, "forbidden", "Only admins may read metrics."),
};

/** Prometheus text format: sessions by state (one grouped query per scrape), live connections, checks, flood waits, logins, process. */
export async function GET(request: Request): Promise<Response> {
  try {
    const access = await metricsAccess(request.headers, env().METRICS_TOKEN, getActor);
    if (access !== "allowed") return errorReply(refusals[access]);
    await refreshSessionGauge(await getDb());
    refreshConnectionGauge();
    const registry = metricsRegistry();
    return new Response(await registry.metrics(), {
      headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
    });
  } catch (error) {
    const known = apiErrorFromDatabase(error);
    if (!known) log.error({ err: rootCause(error) }, "metrics scrape failed");
    return errorReply(
      known ?? new ApiError(500, "internal_error", "Something went wrong on our side. It has been logged."),
    );
  }
}
