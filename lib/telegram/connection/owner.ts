import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/** A lease owner id unique to one connection manager (one per process in production). */
export function newLeaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}
