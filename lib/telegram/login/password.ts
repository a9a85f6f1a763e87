import { Api, type TelegramClient } from "telegram";
import type { LoginFlow } from "@/db/schema";
import { classifyTelegramError } from "../errors";
import type { LoginDeps } from "./deps";
import { alreadyAuthorizedUser, userOf } from "./authorized-user";
import { finishLogin } from "./finish";
import { runStep, StepFailure, type StepOutcome } from "./run-step";
import { computeSrpCheck } from "./srp-check";
import type { LoginState } from "./state";

/** Moves a flow to the password step, with the account's hint. */
export async function passwordStep(flow: LoginFlow, client: TelegramClient): Promise<StepOutcome> {
  const password = await client.invoke(new Api.account.GetPassword());
  const patch = { step: "password" as const, passwordHint: password.hint ?? null, attempts: 0 };
  return { patch, result: { flow: { ...flow, ...patch } } };
}

/**
 * The password step, when Telegram already asked this key for the password (its code is used up): a step
 * that died after Telegram's SESSION_PASSWORD_NEEDED left the flow at the code step. null when the key is
 * not waiting for a password (Telegram refuses account.getPassword to such a key).
 */
export async function pendingPasswordStep(flow: LoginFlow, client: TelegramClient): Promise<StepOutcome | null> {
  try {
    return await passwordStep(flow, client);
  } catch (error) {
    const failure = classifyTelegramError(error);
    if (failure.kind === "transient" || failure.kind === "flood") throw error;
    return null;
  }
}

/** Signs a key that stopped at SESSION_PASSWORD_NEEDED in, proving the password with SRP. */
export async function signInWithPassword(client: TelegramClient, password: string): Promise<Api.User> {
  const check = await computeSrpCheck(await client.invoke(new Api.account.GetPassword()), password);
  return userOf(await client.invoke(new Api.auth.CheckPassword({ password: check })));
}

/** Proves the two-step verification password with SRP; the password itself never leaves this process. */
export function submitPassword(deps: LoginDeps, flowId: string, password: string): Promise<LoginState> {
  return runStep(deps, flowId, ["password"], async ({ flow, client }) => {
    try {
      return { result: await finishLogin(deps, flow, client, await signInWithPassword(client, password)) };
    } catch (error) {
      const failure = classifyTelegramError(error);
      const user = failure.kind === "refused" ? await alreadyAuthorizedUser(client) : null;
      if (user) return { result: await finishLogin(deps, flow, client, user) };
      throw new StepFailure(error, failure.code === "PASSWORD_HASH_INVALID" ? { attempts: flow.attempts + 1 } : {});
    }
  });
}
