import type { TelegramClient } from "telegram";
import type { Db } from "@/db";
import { systemActor, writeAudit } from "@/lib/audit";
import {
  claimAbandonedLoginFlow,
  clearedSecrets,
  expireLoginFlows,
  releaseLoginFlow,
  type LoginFlowPatch,
} from "@/db/queries/login-flows";
import type { LoginFlow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actors";
import { env } from "@/lib/env";
import { secrets } from "@/lib/keys/encrypted-columns";
import { log } from "@/lib/log";

import { decrypt, type KeyRing } from "@/lib/vault";
import { connectClient, createTelegramClient } from "../client";
import { withDeadline } from "../deadline";
import { alreadyAuthorizedUser, freshIsAuthorized } from "./authorized-user";
import { MovableClient } from "./login-token";
import { stepLockSeconds, type LoginDeps } from "./deps";
import { finishLogin } from "./finish";

export type LoginRecoveryDeps = { db: Db; ring: KeyRing };

/**
 * Closes logins a crash (or an admin who walked away from a scanned QR code) left with a key Telegram may
 * have logged in: a key that is logged in becomes the session the admin asked for; one that is not is
 * given back to the flow (or dropped with it once it expired). Telegram never keeps an authorization the
 * console has no row for. Returns how many flows it closed.
 */
export async function recoverLoginFlows(deps: LoginRecoveryDeps, limit = 5): Promise<number> {
  let closed = await expireLoginFlows(deps.db);
  for (let i = 0; i < limit; i++) {
    const flow = await claimAbandonedLoginFlow(deps.db, stepLockSeconds());
    if (!flow) break;
    try {
      if (await recoverFlow(deps, flow)) closed++;
    } catch (error) {
      // Telegram gave no definite answer: the flow stays held until its lock runs out, then a later pass asks again.
      log.warn({ loginId: flow.id, err: error }, "could not recover a login yet");
    }
  }
  return closed;
}

/** true when the flow ended (done or expired); false when it was given back still open. */
async function recoverFlow(deps: LoginRecoveryDeps, flow: LoginFlow): Promise<boolean> {
  const expired = flow.expiresAt.getTime() < Date.now();
  const release = async (patch: LoginFlowPatch) => (await releaseLoginFlow(deps.db, flow.id, patch), expired);
  const ending: LoginFlowPatch = expired ? { step: "expired", ...clearedSecrets } : {};
  if (!flow.sessionCiphertext) return release(ending);
  const held = new MovableClient(
    await createTelegramClient(decrypt(deps.ring, flow.sessionCiphertext, secrets.loginSession.binding(flow.id))),
  );
  try {
    await connectClient(held.client);
    const loggedIn = await withDeadline(
      freshIsAuthorized(held.client, flow.method === "qr", held.moveTo),
      env().TELEGRAM_REQUEST_TIMEOUT_MS,
    );
    if (!loggedIn) return release(ending);
    await finishLogin(recoveryDeps(deps, flow), flow, held.client, await selfOf(held.client));
    return true;
  } finally {
    await held.close();
  }
}

async function selfOf(client: TelegramClient) {
  const user = await alreadyAuthorizedUser(client);
  if (!user) throw new Error("Telegram did not name the logged-in user");
  return user;
}

/**
 * The maintenance pass finishing a login for the member who started it: the session is theirs
 * (createdById), the audit row names the system with the flow as its target.
 */
function recoveryDeps(deps: LoginRecoveryDeps, flow: LoginFlow): LoginDeps {
  const actor: Actor = {
    kind: "token",
    id: "login-recovery",
    name: "login recovery",
    role: "admin",
    label: "system",
    createdById: flow.createdById,
    scope: "admin",
  };
  return {
    db: deps.db,
    ring: deps.ring,
    actor,
    commit: (work) =>
      deps.db.transaction(async (tx) => {
        const result = await work(tx);
        await writeAudit(tx, systemActor, {
          action: "telegram_login.recover",
          target: flow.id,
          outcome: "success",
          detail: { result: "done", recovered: true },
        });
        return result;
      }),
  };
}
