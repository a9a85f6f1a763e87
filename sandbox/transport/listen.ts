import type { Server as HttpServer } from "node:http";
import type { Server as NetServer } from "node:net";
import { randomInt } from "node:crypto";

type Listenable = NetServer | HttpServer;

// StringSession stores ports as signed 16-bit numbers, and Linux hands out
// ephemeral ports above 32767, so random ports come from this range instead of port 0.
const RANDOM_PORT_MIN = 20000;
const RANDOM_PORT_MAX = 32000;
const ATTEMPTS = 50;

function listenOnce(server: Listenable, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

function closeServer(server: Listenable): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Listens on every host with the same port: `port`, or a random one below 32768 free on all of them. */
export async function listenAll(
  servers: { server: Listenable; host: string }[],
  port: number | undefined,
): Promise<number> {
  if (port !== undefined && (port < 1 || port > 32767)) throw new Error(`port ${port} must be between 1 and 32767`);
  for (let attempt = 0; ; attempt++) {
    const candidate = port ?? randomInt(RANDOM_PORT_MIN, RANDOM_PORT_MAX);
    const listening: Listenable[] = [];
    try {
      for (const { server, host } of servers) {
        await listenOnce(server, host, candidate);
        listening.push(server);
      }
      return candidate;
    } catch (error) {
      await Promise.all(listening.map(closeServer));
      if (port !== undefined || (error as NodeJS.ErrnoException).code !== "EADDRINUSE" || attempt >= ATTEMPTS)
        throw error;
    }
  }
}

/** Listens on `port`, or on a random free port below 32768 when it is undefined. */
export function listen(server: Listenable, host: string, port: number | undefined): Promise<number> {
  return listenAll([{ server, host }], port);
}
