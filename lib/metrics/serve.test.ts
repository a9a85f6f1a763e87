import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { serveMetrics } from "./serve";

const token = "worker-metrics-token-for-tests";
const idle = { connectedCount: () => 0 };

describe("a worker's /metrics listener", () => {
  let database: TestDatabase;
  const servers: Server[] = [];
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    await database.close();
  });
  const start = async (host: string) => {
    const server = serveMetrics(database.db, idle, { port: 0, host }, token);
    servers.push(server);
    await once(server, "listening");
    return server.address() as AddressInfo;
  };

  it("binds to loopback unless WORKER_METRICS_HOST says otherwise, and answers the token there", async () => {
    expect(process.env.WORKER_METRICS_HOST).toBeUndefined();
    const address = await start(env().WORKER_METRICS_HOST);
    expect(address.address).toBe("127.0.0.1");
    const url = `http://127.0.0.1:${address.port}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    const scrape = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toContain("# TYPE");
  });

  it("binds every interface when told to", async () => {
    expect((await start("0.0.0.0")).address).toBe("0.0.0.0");
  });
});
