import type { Db } from "@/db";
import type { Requester } from "@/lib/revocation/requester";
import type { ConnectionManager } from "@/lib/telegram/connection/manager";
import type { Commit } from "@/lib/telegram/login/deps";
import type { KeyRing } from "@/lib/vault";

export type RotationDeps = { db: Db; ring: KeyRing; manager: ConnectionManager; requester: Requester; commit: Commit };

/** How long a rotation is held by the process working on it before recovery may take it over. */
export const rotationLockSeconds = (deps: Pick<RotationDeps, "manager">) => deps.manager.config.leaseSeconds * 2;
