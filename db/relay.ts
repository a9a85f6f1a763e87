import net from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export type Relay = { port: number; close(): Promise<void> };

/**
 * A WebSocket-to-TCP relay on loopback so the Neon serverless driver (which speaks
 * WebSocket) reaches a plain Postgres. It forwards only to the one configured target,
 * never to an address a client names, so it cannot be used as an open proxy.
 */
export async function startRelay(target: { host: string; port: number }): Promise<Relay> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false });
  server.on("connection", (socket) => pipe(socket, target));
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the relay did not bind a TCP port");
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

function pipe(socket: WebSocket, target: { host: string; port: number }): void {
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
