import type { FaultPoint, RpcFaultPoint } from "./telegram-fault-points";

/**
 * Where in a health check a fault can land, counting the session's own (phone-scoped) packets: connecting
 * (1 packet, initConnection(help.getConfig), sent with the stored server salt), the probe users.getUsers,
 * help.getAppConfig for the account's state, then account.getAuthorizations for the expiry forecast (a by-product:
 * the check is ok without it).
 */
export const healthFaultPoints: FaultPoint[] = [
  { name: "connect", skip: 0, scoped: true, before: [], hit: "help.GetConfig" },
  { name: "probe users.getUsers", skip: 1, scoped: true, before: ["help.GetConfig"], hit: "users.GetUsers" },
  {
    name: "forecast account.getAuthorizations",
    skip: 3,
    scoped: true,
    before: ["help.GetConfig", "users.GetUsers", "help.GetAppConfig"],
    hit: "account.GetAuthorizations",
    survives: ["drop", "stall", "404"],
  },
];

/** The probe answered with a transient RPC error; the forecast's failure only delays the forecast. */
export const healthRpcFaultPoints: RpcFaultPoint[] = [
  { name: "probe users.getUsers", method: "users.GetUsers", scoped: true },
  { name: "forecast account.getAuthorizations", method: "account.GetAuthorizations", scoped: true, survives: true },
];
