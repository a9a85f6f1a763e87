import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

export type FaultProxy = {
  port: number;
  /** Local ports of the connections to the target: Postgres shows them as pg_stat_activity.client_port. */
  upstreamPorts(): number[];
  /** Cuts every open connection, as a network failure would. */
  dropAll(): void;
  /** While down, open connections are cut and new ones refused: the database is away. */
  setDown(down: boolean): void;
  /** Holds every chunk this long before forwarding it, both ways. */
  setDelay(ms: number): void;
  close(): Promise<void>;
};

/** A TCP proxy on loopback in front of `target` that drops and delays traffic on command. */
export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  let down = false;
  let delayMs = 0;

  const forward = (from: net.Socket, to: net.Socket) => {
    // Chunks stay in order: each waits for the one before it.
    let queue = Promise.resolve();
    from.on("data", (chunk) => {
      queue = queue.then(async () => {
        if (delayMs > 0) await sleep(delayMs);
        if (!to.destroyed) to.write(chunk);
      });
    });
  };

  const server = net.createServer((client) => {
    if (down) return client.destroy();
    const upstream = net.connect({ ...target, noDelay: true });
    const pair = { client, upstream };
    pairs.add(pair);
    const cut = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) socket.on("error", cut).on("close", cut);
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as net.AddressInfo;

  const dropAll = () => {
    for (const { client, upstream } of pairs) {
      client.destroy();
      upstream.destroy();
    }
    pairs.clear();
  };
  return {
    port: address.port,
    upstreamPorts: () =>
      [...pairs].map(({ upstream }) => upstream.localPort).filter((port): port is number => port !== undefined),
    dropAll,
    setDown(value) {
      down = value;
      if (down) dropAll();
    },
    setDelay(ms) {
      delayMs = ms;
    },
    close: () => {
      dropAll();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
