import type { DbOrTx, Tx } from "@/db";
import type { Actor } from "@/lib/auth/actors";
import { loadKeyRing } from "@/lib/vault";
import type { LoginDeps } from "./deps";

type ManualRouteContext = { db: DbOrTx; actor: Actor; commit<T>(work: (tx: Tx) => Promise<T>): Promise<T> };

/** What a login step needs, from a route's context (routes with `transaction: "manual"`). */
export function loginDeps({ db, actor, commit }: ManualRouteContext): LoginDeps {
  return { db, actor, ring: loadKeyRing(), commit: (work) => commit(work) };
}
