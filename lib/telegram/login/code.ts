import { Api } from "telegram";
import { DomainError } from "@/lib/errors/domain";
import { secrets } from "@/lib/keys/encrypted-columns";
import { encrypt } from "@/lib/vault";
import { classifyTelegramError } from "../errors";
import type { LoginDeps } from "./deps";
import { alreadyAuthorizedUser, userOf } from "./authorized-user";
import { finishLogin } from "./finish";
import { passwordStep, pendingPasswordStep } from "./password";
import { runStep, StepFailure, type StepContext } from "./run-step";
import { sentCodeFacts } from "./phone";
import type { LoginState } from "./state";

/** Signs in with the code; an account with two-step verification moves on to the password step. */
export function submitCode(deps: LoginDeps, flowId: string, code: string): Promise<LoginState> {
  return runStep(deps, flowId, ["code"], async ({ flow, client, phone, phoneCodeHash }) => {
    try {
      const authorization = await client.invoke(
        new Api.auth.SignIn({ phoneNumber: need(phone), phoneCodeHash: need(phoneCodeHash), phoneCode: code }),
      );
      if (authorization instanceof Api.auth.AuthorizationSignUpRequired) {
        throw new DomainError(
          "telegram_refused",
          "No Telegram account uses this phone number yet. Sign it up in a Telegram app first.",
        );
      }
      return { result: await finishLogin(deps, flow, client, userOf(authorization)) };
    } catch (error) {
      const { code: reason } = classifyTelegramError(error);
      if (reason === "SESSION_PASSWORD_NEEDED") return passwordStep(flow, client);
      const user = reason === "PHONE_CODE_EXPIRED" ? await alreadyAuthorizedUser(client) : null;
      if (user) return { result: await finishLogin(deps, flow, client, user) };
      const waiting = reason === "PHONE_CODE_EXPIRED" ? await pendingPasswordStep(flow, client) : null;
      if (waiting) return waiting;
      throw new StepFailure(error, reason === "PHONE_CODE_INVALID" ? { attempts: flow.attempts + 1 } : {});
    }
  });
}

/** Asks Telegram to send the code again (by its next delivery type), once its timeout has passed. */
export function resendCode(deps: LoginDeps, flowId: string): Promise<LoginState> {
  return runStep(deps, flowId, ["code"], async ({ flow, client, phone, phoneCodeHash }: StepContext) => {
    const waitMs = (flow.resendAvailableAt?.getTime() ?? 0) - Date.now();
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new DomainError("rate_limited", `Telegram allows a new code in ${seconds} seconds.`, {
        retryAfterSeconds: seconds,
      });
    }
    const facts = sentCodeFacts(
      await client.invoke(new Api.auth.ResendCode({ phoneNumber: need(phone), phoneCodeHash: need(phoneCodeHash) })),
    );
    const patch = {
      phoneCodeHashCiphertext: encrypt(deps.ring, facts.phoneCodeHash, secrets.loginPhoneCodeHash.binding(flow.id)),
      codeType: facts.codeType,
      nextCodeType: facts.nextCodeType,
      codeLength: facts.codeLength,
      resendAvailableAt: facts.resendAvailableAt,
    };
    return { patch, result: { flow: { ...flow, ...patch } } };
  });
}

function need(value: string | null): string {
  if (value === null) throw new DomainError("conflict", "This login has lost its code request. Start a new one.");
  return value;
}
