import { createServer as createTcpServer, type Server as NetServer, type Socket } from "node:net";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { controlRequestHandler } from "./control/http";
import { SandboxControl } from "./control/operations";
import { loadOrCreateRsaKey, rsaKeyFromPem } from "./crypto/rsa";
import { MtprotoConnection } from "./mtproto/connection";
import { DEFAULT_LIMITS, type DcEndpoint, type SandboxLimits, type ServerContext } from "./server/context";
import { Faults } from "./server/faults";
import { LiveRegistry } from "./server/live";
import { RateLimiter } from "./server/rate-limit";
import { RequestLog } from "./server/request-log";
import { StateFile } from "./store/state-file";
import { Store } from "./store/store";
import { listen, listenAll } from "./transport/listen";

export interface SandboxOptions {
  dataDir: string;
  /** Listening host for every port (loopback by default). */
  host?: string;
  /** DC ids (default 1, 2, 3) and optional fixed ports; unset ports are random free ones below 32768. */
  dcIds?: number[];
  ports?: { dcs?: Partial<Record<number, number>>; control?: number };
  /** A fixed RSA private key (PEM); otherwise the data folder's, generated on first start. */
  rsaPrivateKeyPem?: string;
  limits?: Partial<SandboxLimits>;
  /** How many of the last requests the request log keeps (default 2,000). */
  logEntries?: number;
}

export interface SandboxInfo {
  dcs: { id: number; host: string; port: number; address: string }[];
  control: string;
  rsaPublicKeyPem: string;
  fingerprint: string;
}

/** A running sandbox: its addresses, the control operations, and close(). */
export class Sandbox extends SandboxControl {
  constructor(
    ctx: ServerContext,
    readonly info: SandboxInfo,
    private readonly shutdown: () => Promise<void>,
  ) {
    super(ctx);
  }

  close(): Promise<void> {
    return this.shutdown();
  }
}

/** Each DC advertises its own loopback alias so that a GramJS session, which keeps only the address, names its DC. */
export const dcAddress = (dcId: number): string => `127.0.0.${dcId}`;

const isWildcard = (host: string): boolean => host === "0.0.0.0" || host === "::";

function closeServer(server: NetServer | HttpServer): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const host = options.host ?? "127.0.0.1";
  const rsa = options.rsaPrivateKeyPem ? rsaKeyFromPem(options.rsaPrivateKeyPem) : loadOrCreateRsaKey(options.dataDir);
  const store = new Store(new StateFile(options.dataDir));
  const dcs: DcEndpoint[] = [];
  const ctx: ServerContext = {
    store,
    rsa,
    dcs,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    faults: new Faults(),
    log: new RequestLog(options.logEntries),
    live: new LiveRegistry(),
    rateLimiter: new RateLimiter(),
  };
  const sockets = new Set<Socket>();
  const servers: (NetServer | HttpServer)[] = [];
  for (const id of options.dcIds ?? [1, 2, 3]) {
    const address = dcAddress(id);
    // A DC listens where it says it is (its 127.0.0.x alias, for clients that follow help.getConfig) and on `host`.
    const hosts = isWildcard(host) || host === address ? [host] : [host, address];
    const dcServers = hosts.map((listenHost) => ({
      host: listenHost,
      server: createTcpServer((socket) => {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
        new MtprotoConnection(ctx, id, socket);
      }),
    }));
    servers.push(...dcServers.map((s) => s.server));
    dcs.push({ id, host, port: await listenAll(dcServers, options.ports?.dcs?.[id]), address });
  }
  const controlServer = createHttpServer();
  servers.push(controlServer);
  const controlPort = await listen(controlServer, host, options.ports?.control);
  const info: SandboxInfo = {
    dcs: dcs.map((dc) => ({ ...dc })),
    control: `http://${host}:${controlPort}`,
    rsaPublicKeyPem: rsa.publicKeyPem,
    fingerprint: rsa.fingerprint,
  };
  const sandbox = new Sandbox(ctx, info, async () => {
    for (const socket of sockets) socket.destroy();
    controlServer.closeAllConnections();
    await Promise.all(servers.map(closeServer));
    store.flush();
  });
  controlServer.on("request", controlRequestHandler(sandbox));
  return sandbox;
}
