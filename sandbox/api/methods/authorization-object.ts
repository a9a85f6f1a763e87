import { Api } from "telegram";
import { returnBigInt } from "telegram/Helpers";
import type { ClientInfo } from "../../store/types";
import { unixTime } from "../call";

/** Telegram's Authorization as the owner's devices see it; the current one has hash 0. */
export function authorizationObject(a: {
  hash: string;
  dcId: number;
  client: ClientInfo | undefined;
  createdAt: number;
  activeAt: number;
  current?: boolean;
}): Api.Authorization {
  const client = a.client;
  return new Api.Authorization({
    current: a.current,
    officialApp: false,
    hash: returnBigInt(a.current ? "0" : a.hash),
    deviceModel: client?.deviceModel ?? "",
    platform: client ? platformOf(client.systemVersion) : "",
    systemVersion: client?.systemVersion ?? "",
    apiId: client?.apiId ?? 0,
    appName: client ? `api_id ${client.apiId}` : "",
    appVersion: client?.appVersion ?? "",
    dateCreated: unixTime(a.createdAt),
    dateActive: unixTime(a.activeAt),
    ip: client?.ip ?? "",
    country: "Sandbox",
    region: `DC ${a.dcId}`,
  });
}

function platformOf(systemVersion: string): string {
  const lower = systemVersion.toLowerCase();
  if (lower.includes("linux")) return "linux";
  if (lower.includes("windows")) return "windows";
  if (lower.includes("mac") || lower.includes("darwin")) return "macos";
  return "desktop";
}
