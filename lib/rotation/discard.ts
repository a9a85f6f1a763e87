import { Api, type TelegramClient } from "telegram";
import type { Db } from "@/db";
import { rollBack } from "./store";

/** A fresh key that must not be kept although Telegram authorized it: logged out, then the rotation undone. */
export async function discardFresh(
  deps: { db: Db },
  rotationId: string,
  fresh: TelegramClient,
  cause: Error,
): Promise<never> {
  await fresh.invoke(new Api.auth.LogOut()).catch(() => undefined);
  await rollBack(deps.db, rotationId, cause.name);
  throw cause;
}
