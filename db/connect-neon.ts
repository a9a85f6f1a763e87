import { neonConfig, Pool, type PoolClient } from "@neondatabase/serverless";
import { drizzle } from "drizzle-orm/neon-serverless";
import { migrate } from "drizzle-orm/neon-serverless/migrator";
import ws from "ws";
import type { Db, DbHandle } from "./client";
import { relayTo } from "./relay";
import * as schema from "./schema";

const loopbackHosts = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function needsRelay(url: string, mode: "auto" | "on" | "off"): boolean {
  if (mode !== "auto") return mode === "on";
  return loopbackHosts.has(new URL(url).hostname);
}

/** Neon's WebSocket Pool for any Postgres; a plain Postgres is reached through our relay. */
export async function connectNeon(
  url: string,
  options: { relay: boolean; migrationsFolder: string; max?: number },
): Promise<DbHandle> {
  neonConfig.webSocketConstructor = ws;
  if (options.relay) {
    const target = new URL(url);
    const relay = await relayTo({
      host: target.hostname.replace(/^\[|\]$/g, ""),
      port: Number(target.port || 5432),
    });
    // Process-wide settings, so every pool of this process shares the one relay (which checks the target).
    neonConfig.wsProxy = (host, port) => `127.0.0.1:${relay.port}/${relay.secret}/v1?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  const pool = new Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its connection emits on the pool; without a listener that would crash the process.
  pool.on("error", () => undefined);
  // So does a client checked out for a transaction; the statement in flight still fails with the error.
  pool.on("connect", (client: PoolClient) => client.on("error", () => undefined));
  releaseBrokenClients(pool);
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  return {
    db,
    driver: "neon",
    migrate: () => migrate(drizzle({ client: pool, schema }), { migrationsFolder: options.migrationsFolder }),
    close: () => pool.end(),
  };
}

/**
 * drizzle's transaction() sends BEGIN before its try/finally, so a client whose connection broke after it was
 * checked out is never given back when BEGIN fails; a few of those leave the pool empty for good. A checked-out
 * client goes back (and, broken, out of the pool) as soon as its connection fails; a later release() is a no-op.
 */
function releaseBrokenClients(pool: Pool): void {
  const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<PoolClient>;
  const connectReleasingOnError = async (callback?: unknown) => {
    if (callback) return connect(callback);
    const client = await connect();
    const releaseOnce = client.release;
    let released = false;
    const release = (error?: Error | boolean) => {
      if (released) return;
      released = true;
      client.removeListener("error", release);
      releaseOnce(error);
    };
    client.on("error", release);
    client.release = release;
    return client;
  };
  Object.assign(pool, { connect: connectReleasingOnError });
}
