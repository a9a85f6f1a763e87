import { getDb } from "@/db";
import { rootCause } from "@/db/errors";
import { ApiError } from "@/lib/api/errors";
import { errorReply } from "@/lib/api/reply";
import { toApiError } from "@/lib/api/to-api-error";
import { getActor } from "@/lib/auth/request-actor";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { metricsAccess } from "@/lib/metrics/access";
import { refreshConnectionGauge } from "@/lib/metrics/connections";
import { refreshSessionGauge } from "@/lib/metrics/health";
import { metricsRegistry } from "@/lib/metrics/registry";
import { connectionManager } from "@/lib/telegram/connection/manager";

export const dynamic = "force-dynamic";

const refusals = {
  unauthenticated: new ApiError(
    "unauthenticated",
    "Send the metrics token, an admin API token, or sign in as an admin.",
  ),
  forbidden: new ApiError("forbidden", "Only admins may read metrics."),
};

/** Prometheus text format: sessions by state (one grouped query per scrape), live connections, checks, flood waits, logins, process. */
export async function GET(request: Request): Promise<Response> {
  try {
    const access = await metricsAccess(request.headers, env().METRICS_TOKEN, getActor);
    if (access !== "allowed") return errorReply(refusals[access]);
    await refreshSessionGauge(await getDb());
    refreshConnectionGauge(connectionManager().connectedCount());
    const registry = metricsRegistry();
    return new Response(await registry.metrics(), {
      headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
    });
  } catch (error) {
    const failure = toApiError(error);
    if (failure.code === "internal_error") log.error({ err: rootCause(error) }, "metrics scrape failed");
    return errorReply(failure);
  }
}
