import { createPublicKey } from "node:crypto";
import { extensions, helpers, sessions } from "telegram";
// The one internal GramJS needs no root export for: its trusted-key map.
import { _serverKeys } from "telegram/crypto/RSA.js";
import type { SandboxInfo } from "./sandbox";

/**
 * Helpers for pointing an unmodified GramJS TelegramClient at the sandbox DC.
 * Use them in sandbox mode only: they add the sandbox's RSA key to GramJS's trusted keys.
 */

/** Adds the sandbox's public key to GramJS's `_serverKeys` (idempotent). */
export function registerSandboxKey(info: Pick<SandboxInfo, "rsaPublicKeyPem" | "fingerprint">): void {
  const jwk = createPublicKey(info.rsaPublicKeyPem).export({ format: "jwk" });
  if (!jwk.n || !jwk.e) throw new Error("the sandbox key is not an RSA public key");
  const toBigInt = (b64: string): bigint => BigInt(`0x${Buffer.from(b64, "base64url").toString("hex")}`);
  _serverKeys.set(info.fingerprint, { n: helpers.returnBigInt(toBigInt(jwk.n)), e: Number(toBigInt(jwk.e)) });
}

/**
 * A GramJS `networkSocket` class that dials the sandbox: GramJS connects to a DC's
 * address on port 80 whatever port it stored, so the address picks the DC's real port.
 * Any other address is refused, so a sandbox client can never reach real Telegram.
 */
export function sandboxSocketClass(info: Pick<SandboxInfo, "dcs">): typeof extensions.PromisedNetSockets {
  const byAddress = new Map(info.dcs.map((dc) => [dc.address, dc]));
  return class SandboxSocket extends extensions.PromisedNetSockets {
    override async connect(_port: number, ip: string): Promise<this> {
      const dc = byAddress.get(ip);
      if (!dc) throw new Error(`${ip} is not a sandbox DC address`);
      await super.connect(dc.port, dc.host);
      return this;
    }
  };
}

/** A StringSession for the sandbox: the saved one, or an empty one homed on `dcId`. */
export function sandboxSession(info: Pick<SandboxInfo, "dcs">, saved = "", dcId = 2): sessions.StringSession {
  const session = new sessions.StringSession(saved);
  if (!saved) {
    const dc = info.dcs.find((d) => d.id === dcId) ?? info.dcs[0];
    if (!dc) throw new Error("the sandbox has no DCs");
    session.setDC(dc.id, dc.address, dc.port);
  }
  return session;
}

/** TelegramClient options for the sandbox (registers its key as a side effect). */
export function sandboxClientOptions(info: SandboxInfo): {
  networkSocket: typeof extensions.PromisedNetSockets;
  useWSS: false;
} {
  registerSandboxKey(info);
  return { networkSocket: sandboxSocketClass(info), useWSS: false };
}

/** Reads `GET /info` from a running sandbox's control URL (TELEGRAM_SANDBOX_URL). */
export async function fetchSandboxInfo(controlUrl: string): Promise<SandboxInfo> {
  const response = await fetch(new URL("/info", controlUrl));
  if (!response.ok) throw new Error(`sandbox /info answered ${response.status}`);
  return (await response.json()) as SandboxInfo;
}
