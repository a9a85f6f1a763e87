import type { RsaKey } from "../crypto/rsa";
import type { Store } from "../store/store";
import type { Faults } from "./faults";
import type { LiveRegistry } from "./live";
import type { RateLimiter } from "./rate-limit";
import type { RequestLog } from "./request-log";

export interface DcEndpoint {
  id: number;
  /** Where the DC listens, besides `address` on the same port. */
  host: string;
  port: number;
  /** The address the DC advertises in help.getConfig (with `port`) and listens on too: 127.0.0.<dc id>. */
  address: string;
}

export interface SandboxLimits {
  codeTtlSeconds: number;
  loginTokenTtlSeconds: number;
  /** A session younger than this may not terminate others (FRESH_RESET_AUTHORISATION_FORBIDDEN). */
  freshResetSeconds: number;
  sendCodePerHour: number;
  passwordAttemptsPerHour: number;
}

export const DEFAULT_LIMITS: SandboxLimits = {
  codeTtlSeconds: 300,
  loginTokenTtlSeconds: 30,
  freshResetSeconds: 24 * 3600,
  sendCodePerHour: 10,
  passwordAttemptsPerHour: 10,
};

/** Everything the DC listeners, the API methods and the control API share. */
export interface ServerContext {
  store: Store;
  rsa: RsaKey;
  dcs: DcEndpoint[];
  limits: SandboxLimits;
  faults: Faults;
  log: RequestLog;
  live: LiveRegistry;
  rateLimiter: RateLimiter;
}
