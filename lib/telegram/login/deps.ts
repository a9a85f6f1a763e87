import type { DbOrTx, Tx } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import type { KeyRing } from "@/lib/vault";

/** Runs the final writes of a step in one transaction, together with the request's audit row. */
export type Commit = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

export type LoginDeps = { db: DbOrTx; ring: KeyRing; actor: Actor; commit: Commit };

/** How long a flow lives, and how long one step may hold it. */
export const flowLifetimeMs = 15 * 60 * 1000;
export const stepLockSeconds = 60;
