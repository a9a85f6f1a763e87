import { createServer, type Server } from "node:http";
import type { DbOrTx } from "@/db";
import { log } from "@/lib/log";
import { metricsAccess } from "./access";
import { refreshConnectionGauge } from "./connections";
import { refreshSessionGauge } from "./health";
import { metricsRegistry } from "./registry";

/**
 * A worker's own /metrics (its checks and connections live in its process, not the console's).
 * Only the metrics token opens it: a worker has no sign-in and no API tokens of its own.
 */
export function serveMetrics(
  db: DbOrTx,
  connections: { connectedCount(): number },
  listen: { port: number; host: string },
  metricsToken: string,
): Server {
  const server = createServer((request, response) => {
    void (async () => {
      const headers = new Headers({ authorization: request.headers.authorization ?? "" });
      if (request.url !== "/metrics" || request.method !== "GET") return response.writeHead(404).end();
      if ((await metricsAccess(headers, metricsToken, async () => null)) !== "allowed")
        return response.writeHead(401).end();
      await refreshSessionGauge(db);
      refreshConnectionGauge(connections.connectedCount());
      const registry = metricsRegistry();
      response
        .writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" })
        .end(await registry.metrics());
    })().catch((error: unknown) => {
      log.error({ err: error }, "worker metrics scrape failed");
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  return server.listen(listen.port, listen.host);
}
