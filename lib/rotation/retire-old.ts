import { Api, type TelegramClient } from "telegram";
import type { Db } from "@/db";
import { finishRevocation, postponeRevocation } from "@/lib/revocation/finish";
import { classifyTelegramError } from "@/lib/telegram/errors";
import { updateRotation } from "./store";

/**
 * The old session logs itself out (auth.logOut with its own key: resetting it from the fresh session would
 * hit FRESH_RESET_AUTHORISATION_FORBIDDEN), then its key is destroyed. If Telegram cannot be reached the
 * old session stays revoke_pending and the revocation retry job finishes it. Returns its final status.
 */
export async function retireOld(
  db: Db,
  rotationId: string,
  oldSessionId: string,
  old: TelegramClient,
): Promise<"revoked" | "revoke_pending"> {
  let failure: string | undefined;
  try {
    await old.invoke(new Api.auth.LogOut());
  } catch (error) {
    const classified = classifyTelegramError(error);
    if (classified.kind !== "terminal") failure = classified.code;
  }
  if (failure) await postponeRevocation(db, oldSessionId, failure);
  else await db.transaction((tx) => finishRevocation(tx, oldSessionId));
  await updateRotation(db, rotationId, { step: "done", lockedUntil: null });
  return failure ? "revoke_pending" : "revoked";
}
