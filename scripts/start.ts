/**
 * `npm start`: the production build behind the console's own node:http server, so requests carry the socket's
 * address (lib/http/console-server.ts) and X-Forwarded-For is believed only from TRUSTED_PROXIES. `next start`
 * still works, without client addresses. PORT (3000) and HOSTNAME (every interface) as `next start` reads them.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { env } from "@/lib/env";
import { listenStamped } from "@/lib/http/console-server";

Object.assign(process.env, { NODE_ENV: "production" });
env();
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
const { default: next } = await import("next");
const app = next({ dev: false, dir: path.resolve(fileURLToPath(import.meta.url), "../.."), port, hostname });
await app.prepare();
const handle = app.getRequestHandler();
await listenStamped((request, response) => void handle(request, response), port, hostname);
console.log(`Console ready on http://${hostname ?? "localhost"}:${port}`);
