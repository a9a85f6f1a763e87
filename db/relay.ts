import { randomBytes, timingSafeEqual } from "node:crypto";
import net from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

type Target = { host: string; port: number };

/**
 * One WebSocket-to-TCP relay per process, on loopback, so the Neon serverless driver (which speaks
 * WebSocket) reaches a plain Postgres. It forwards only to targets this process registered, never to
 * any other address a client names, so it cannot be used as an open proxy. Only this process may use it:
 * the path must start with a secret made at start, and an upgrade with an `Origin` (a browser page on any
 * local origin) is refused.
 */
const allowed = new Set<string>();
let listening: Promise<Relay> | undefined;

/** Where the driver connects: ws://127.0.0.1:PORT/SECRET/v1?address=host:port. */
export type Relay = { port: number; secret: string };

const keyOf = (target: Target) => `${target.host}:${target.port}`;

/** Registers `target` and returns the relay's port and secret. */
export function relayTo(target: Target): Promise<Relay> {
  allowed.add(keyOf(target));
  listening ??= listen();
  return listening;
}

/** The secret is the first path segment; compared in constant time. */
function carriesSecret(url: string | undefined, secret: Buffer): boolean {
  const sent = Buffer.from(new URL(url ?? "/", "ws://relay").pathname.split("/")[1] ?? "");
  return sent.length === secret.length && timingSafeEqual(sent, secret);
}

async function listen(): Promise<Relay> {
  const secret = randomBytes(32).toString("base64url");
  const expected = Buffer.from(secret);
  const server = new WebSocketServer({
    host: "127.0.0.1",
    port: 0,
    perMessageDeflate: false,
    verifyClient: ({ origin, req }, accept) =>
      origin === undefined && carriesSecret(req.url, expected) ? accept(true) : accept(false, 403),
  });
  server.on("connection", (socket, request) => {
    const address = new URL(request.url ?? "/", "ws://relay").searchParams.get("address") ?? "";
    if (!allowed.has(address)) return socket.close(1008, "target not allowed");
    const separator = address.lastIndexOf(":");
    pipe(socket, { host: address.slice(0, separator), port: Number(address.slice(separator + 1)) });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  // The relay lives as long as the process needs a database, and never keeps it alive on its own.
  (server as unknown as { _server?: net.Server })._server?.unref();
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the relay did not bind a TCP port");
  return { port: address.port, secret };
}

function pipe(socket: WebSocket, target: Target): void {
  const tcp = net.connect({ host: target.host, port: target.port, noDelay: true });
  const pending: Buffer[] = [];
  tcp.once("connect", () => {
    for (const chunk of pending.splice(0)) tcp.write(chunk);
  });
  socket.on("message", (data: Buffer) => {
    if (tcp.connecting) pending.push(data);
    else tcp.write(data);
  });
  tcp.on("data", (chunk) => socket.send(chunk));
  tcp.on("error", () => socket.terminate());
  tcp.on("close", () => socket.close());
  socket.on("close", () => tcp.destroy());
  socket.on("error", () => tcp.destroy());
}
