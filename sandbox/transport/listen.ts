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

/** Listens on `port`, or on a random free port below 32768 when it is undefined. */
export async function listen(server: Listenable, host: string, port: number | undefined): Promise<number> {
  if (port !== undefined) {
    if (port < 1 || port > 32767) throw new Error(`port ${port} must be between 1 and 32767`);
    await listenOnce(server, host, port);
    return port;
  }
  for (let attempt = 0; ; attempt++) {
    const candidate = randomInt(RANDOM_PORT_MIN, RANDOM_PORT_MAX);
    try {
      await listenOnce(server, host, candidate);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || attempt >= ATTEMPTS) throw error;
    }
  }
}
