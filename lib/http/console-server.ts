import { createServer, type IncomingMessage, type RequestListener, type Server } from "node:http";
import { peerHeader, peerStamp } from "./client-ip";

/** Drops any peer header the client sent and stamps the socket's remote address in its place. */
export function stampPeer(request: IncomingMessage): void {
  const raw = request.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i]!.toLowerCase() === peerHeader) raw.splice(i, 2);
  const stamp = peerStamp(request.socket.remoteAddress);
  request.headers[peerHeader] = stamp;
  raw.push(peerHeader, stamp);
}

/** node:http in front of `handle` (the production build's request handler in `npm start`), stamping every request. */
export async function listenStamped(handle: RequestListener, port: number, hostname?: string): Promise<Server> {
  const server = createServer((request, response) => {
    stampPeer(request);
    handle(request, response);
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, hostname, resolve));
  return server;
}
