import type { FaultPoint, RpcFaultPoint } from "./telegram-fault-points";

const oldConnect = ["help.GetConfig"];
const freshConnect = [...oldConnect, "help.GetConfig"];
const accepted = [...freshConnect, "auth.ExportLoginToken", "auth.AcceptLoginToken"];
const probed = [...accepted, "auth.ExportLoginToken", "users.GetUsers"];
/** The fresh key's own device list, then the old and the fresh key list again to learn the fresh key's hash. */
const learned = ["account.GetAuthorizations", "account.GetAuthorizations", "account.GetAuthorizations"];

/**
 * Where in a rotation a fault can land. Packets in order: the old session connects (2, phone-scoped), the
 * fresh key's exchange (3) and connect (2), its exportLoginToken, the old key's acceptLoginToken, the fresh
 * key's second export (which logs it in: from here its packets are phone-scoped too), users.getUsers
 * (same user?), account.getAuthorizations (its own device, best effort), two more device lists that learn the
 * fresh key's hash (old, then fresh), the old key's auth.logOut.
 * Unscoped points count every packet; scoped ones only the account's.
 */
export const rotationFaultPoints: FaultPoint[] = [
  { name: "old session connect", skip: 0, scoped: true, before: [], hit: "help.GetConfig" },
  { name: "fresh key exchange", skip: 2, scoped: false, before: oldConnect, hit: null, survives: ["drop", "404"] },
  { name: "fresh auth.exportLoginToken", skip: 7, scoped: false, before: freshConnect, hit: "auth.ExportLoginToken" },
  {
    name: "old auth.acceptLoginToken",
    skip: 2,
    scoped: true,
    before: [...freshConnect, "auth.ExportLoginToken"],
    hit: "auth.AcceptLoginToken",
  },
  { name: "fresh login-token import", skip: 9, scoped: false, before: accepted, hit: "auth.ExportLoginToken" },
  {
    name: "fresh users.getUsers",
    skip: 3,
    scoped: true,
    before: [...accepted, "auth.ExportLoginToken"],
    hit: "users.GetUsers",
  },
  {
    name: "fresh account.getAuthorizations",
    skip: 4,
    scoped: true,
    before: probed,
    hit: "account.GetAuthorizations",
    survives: ["drop", "stall", "404"],
  },
  {
    name: "old auth.logOut",
    skip: 7,
    scoped: true,
    before: [...probed, ...learned],
    hit: "auth.LogOut",
    survives: ["drop", "stall", "404"],
  },
];

/**
 * The rotation requests a transient RPC error is aimed at. The fresh key belongs to no account until its
 * second export has logged it in, so its first export is hit unscoped (and the second cannot be singled out).
 */
export const rotationRpcFaultPoints: RpcFaultPoint[] = [
  { name: "fresh auth.exportLoginToken", method: "auth.ExportLoginToken", scoped: false },
  { name: "old auth.acceptLoginToken", method: "auth.AcceptLoginToken", scoped: true },
  { name: "fresh users.getUsers", method: "users.GetUsers", scoped: true },
  { name: "old auth.logOut", method: "auth.LogOut", scoped: true, survives: true },
];
