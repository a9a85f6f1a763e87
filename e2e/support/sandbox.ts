import { readFileSync } from "node:fs";
import { e2eSandboxFile } from "./config";

/** The sandbox DC's control API: what the owner of a Telegram account would do from their phone. */
function controlUrl(): string {
  return (JSON.parse(readFileSync(e2eSandboxFile, "utf8")) as { control: string }).control;
}

async function control<T>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${controlUrl()}${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** "Scans" a QR code: the account's phone accepts the login token from the tg://login?token=… link. */
export function acceptLoginToken(phone: string, qrUrl: string): Promise<{ accepted: boolean }> {
  const token = new URL(qrUrl).searchParams.get("token");
  if (!token) throw new Error(`not a tg://login link: ${qrUrl}`);
  return control("POST", `/accounts/${phone.replace(/\D/g, "")}/accept-login-token`, { token });
}

export type SandboxAuthorization = {
  id: string;
  phone: string | null;
  dcId: number;
  device: { model: string };
  state: string;
};

/** The account's authorizations as its owner sees them under Settings → Devices. */
export function authorizationsOf(phone: string): Promise<SandboxAuthorization[]> {
  return control("GET", `/authorizations?phone=${phone.replace(/\D/g, "")}`);
}

export type SandboxFault = { method?: string; error: string; code: number; phone?: string; times?: number };

/** Makes the sandbox answer a method with an RPC error, as Telegram would (FLOOD_WAIT_X, ...). */
export function addSandboxFault(fault: SandboxFault): Promise<{ ok: boolean }> {
  return control("POST", "/faults", fault);
}

/** Creates (or updates) an account at the sandbox, as Telegram would have it, with a two-step password. */
export function createSandboxAccount(account: {
  phone: string;
  firstName: string;
  password?: string;
  hint?: string;
}): Promise<unknown> {
  return control("POST", "/accounts", account);
}

/** Makes the sandbox's DCs slow or deaf on the transport, for every connection (`times: 0` until cleared). */
export function addSandboxTransportFault(fault: {
  kind: "delay" | "stall" | "drop";
  ms?: number;
  times?: number;
}): Promise<{ ok: boolean }> {
  return control("POST", "/transport-faults", fault);
}

/** Removes every fault the tests added. */
export function clearSandboxFaults(): Promise<{ ok: boolean }> {
  return control("DELETE", "/faults");
}

export type MintedKey = {
  id: string;
  phone: string;
  userId: string;
  dcId: number;
  address: string;
  port: number;
  authKey: string;
};

/** A fresh authorization of `phone` (the account is made if new), as if a client elsewhere had logged in. */
export async function mintAuthorization(phone: string): Promise<MintedKey> {
  const [minted] = await control<MintedKey[]>("POST", `/accounts/${phone}/authorizations`);
  return minted!;
}
