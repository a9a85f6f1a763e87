import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { ControlError, type SandboxControl } from "./operations";
import { accountBody, faultBody, freezeBody, mintBody, restrictBody, tokenBody, transportFaultBody } from "./schemas";

type Reply = { status?: number; body: unknown };
type Route = (params: string[], query: URLSearchParams, body: () => Promise<unknown>) => Reply | Promise<Reply>;

const MAX_BODY = 64 * 1024;

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new ControlError(413, "body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {});
      } catch {
        reject(new ControlError(400, "body must be JSON"));
      }
    });
    req.on("error", reject);
  });
}

async function parse<T>(schema: z.ZodType<T>, body: () => Promise<unknown>): Promise<T> {
  const result = schema.safeParse(await body());
  if (!result.success) throw new ControlError(400, z.prettifyError(result.error));
  return result.data;
}

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new ControlError(404, `no ${what}`);
  return value;
}

function routes(control: SandboxControl & { info: unknown }): [string, RegExp, Route][] {
  return [
    ["GET", /^\/info$/, () => ({ body: control.info })],
    [
      "POST",
      /^\/accounts$/,
      async (_p, _q, body) => ({ status: 201, body: control.createAccount(await parse(accountBody, body)) }),
    ],
    ["GET", /^\/accounts\/([^/]+)$/, ([phone]) => ({ body: found(control.getAccount(phone!), "such account") })],
    [
      "GET",
      /^\/accounts\/([^/]+)\/code$/,
      ([phone]) => ({ body: found(control.lastCode(phone!), "code sent to this number") }),
    ],
    [
      "POST",
      /^\/accounts\/([^/]+)\/freeze$/,
      async ([phone], _q, body) => ({ body: control.freeze(phone!, await parse(freezeBody, body)) }),
    ],
    ["DELETE", /^\/accounts\/([^/]+)\/freeze$/, ([phone]) => ({ body: control.unfreeze(phone!) })],
    ["POST", /^\/accounts\/([^/]+)\/ban$/, ([phone]) => ({ body: control.ban(phone!) })],
    [
      "POST",
      /^\/accounts\/([^/]+)\/restrict$/,
      async ([phone], _q, body) => ({ body: control.restrict(phone!, await parse(restrictBody, body)) }),
    ],
    ["DELETE", /^\/accounts\/([^/]+)\/restrict$/, ([phone]) => ({ body: control.unrestrict(phone!) })],
    [
      "POST",
      /^\/accounts\/([^/]+)\/accept-login-token$/,
      async ([phone], _q, body) => {
        control.acceptLoginToken(phone!, (await parse(tokenBody, body)).token);
        return { body: { accepted: true } };
      },
    ],
    [
      "POST",
      /^\/accounts\/([^/]+)\/authorizations$/,
      async ([phone], _q, body) => ({
        status: 201,
        body: control.mintAuthorizations(phone!, (await parse(mintBody, body)).count),
      }),
    ],
    [
      "POST",
      /^\/faults$/,
      async (_p, _q, body) => (control.addFault(await parse(faultBody, body)), { status: 201, body: { ok: true } }),
    ],
    [
      "POST",
      /^\/transport-faults$/,
      async (_p, _q, body) => (
        control.addTransportFault(await parse(transportFaultBody, body)),
        { status: 201, body: { ok: true } }
      ),
    ],
    ["DELETE", /^\/faults$/, () => (control.clearFaults(), { body: { ok: true } })],
    ["GET", /^\/authorizations$/, (_p, q) => ({ body: control.authorizations(q.get("phone") ?? undefined) })],
    ["POST", /^\/authorizations\/([^/]+)\/revoke$/, ([id]) => ({ body: control.revokeAuthorization(id!) })],
    ["GET", /^\/log$/, (_p, q) => ({ body: control.log(q.get("phone") ?? undefined) })],
    ["POST", /^\/reset$/, () => (control.reset(), { body: { ok: true } })],
  ];
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

/** The control API's request handler: JSON over HTTP, meant for loopback only. */
export function controlRequestHandler(
  control: SandboxControl & { info: unknown },
): (req: IncomingMessage, res: ServerResponse) => void {
  const table = routes(control);
  return async (req, res) => {
    const url = new URL(req.url ?? "/", "http://sandbox");
    const matches = table.filter(([, pattern]) => pattern.test(url.pathname));
    const route = matches.find(([verb]) => verb === req.method);
    if (!route) {
      return send(res, matches.length ? 405 : 404, {
        error: { code: matches.length ? "method_not_allowed" : "not_found", message: `${req.method} ${url.pathname}` },
      });
    }
    try {
      const params = (route[1].exec(url.pathname) ?? []).slice(1).map(decodeURIComponent);
      const reply = await route[2](params, url.searchParams, () => readBody(req));
      send(res, reply.status ?? 200, reply.body);
    } catch (error) {
      const status = error instanceof ControlError ? error.status : 500;
      send(res, status, {
        error: { code: status === 500 ? "internal" : "invalid_request", message: (error as Error).message },
      });
    }
  };
}
