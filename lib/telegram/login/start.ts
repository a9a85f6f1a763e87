import { randomUUID } from "node:crypto";
import { Api, type TelegramClient } from "telegram";
import { expireLoginFlows, insertLoginFlow, type NewLoginFlow } from "@/db/queries/login-flows";
import { auditActorId } from "@/lib/audit";
import { secrets } from "@/lib/keys/encrypted-columns";
import { encrypt } from "@/lib/vault";
import { connectClient, createTelegramClient, saveSession } from "../client";
import { env } from "@/lib/env";
import { countLoginAttempt } from "@/lib/metrics/login";
import { withDeadline } from "../deadline";
import { telegramTarget } from "../target";
import { flowLifetimeMs, type LoginDeps } from "./deps";
import { countFailedLoginAttempt, loginFailure } from "./run-step";
import { qrLink } from "./qr-link";
import { maskPhone, sentCodeFacts } from "./phone";
import type { LoginState } from "./state";

/** Asks Telegram for a login code with a fresh auth key, and keeps that key (encrypted) for the next step. */
export async function startPhoneLogin(deps: LoginDeps, phone: string, id: string = randomUUID()): Promise<LoginState> {
  const target = await telegramTarget().catch((error: unknown) => Promise.reject(loginFailure(error)));
  return withFreshClient(async (client) => {
    const sent = await client.invoke(
      new Api.auth.SendCode({
        phoneNumber: phone,
        apiId: target.apiId,
        apiHash: target.apiHash,
        settings: new Api.CodeSettings({}),
      }),
    );
    const facts = sentCodeFacts(sent);
    return insertFlow(deps, client, {
      id,
      method: "phone",
      step: "code",
      phoneCiphertext: encrypt(deps.ring, phone, secrets.loginPhone.binding(id)),
      phoneMasked: maskPhone(phone),
      phoneCodeHashCiphertext: encrypt(deps.ring, facts.phoneCodeHash, secrets.loginPhoneCodeHash.binding(id)),
      codeType: facts.codeType,
      nextCodeType: facts.nextCodeType,
      codeLength: facts.codeLength,
      resendAvailableAt: facts.resendAvailableAt,
    });
  });
}

/** Starts a QR login: a fresh key exports a login token that the owner's phone scans. */
export async function startQrLogin(deps: LoginDeps, id: string = randomUUID()): Promise<LoginState> {
  const target = await telegramTarget().catch((error: unknown) => Promise.reject(loginFailure(error)));
  return withFreshClient(async (client) => {
    const token = await client.invoke(
      new Api.auth.ExportLoginToken({ apiId: target.apiId, apiHash: target.apiHash, exceptIds: [] }),
    );
    if (!(token instanceof Api.auth.LoginToken))
      throw new Error(`unexpected answer to exportLoginToken: ${token.className}`);
    const expiresAt = new Date(token.expires * 1000);
    const started = await insertFlow(deps, client, { id, method: "qr", step: "qr", qrExpiresAt: expiresAt });
    return { ...started, qr: { url: qrLink(token.token), expiresAt } };
  });
}

async function withFreshClient<T extends LoginState>(work: (client: TelegramClient) => Promise<T>): Promise<T> {
  let client: TelegramClient | undefined;
  try {
    client = await createTelegramClient("");
    await connectClient(client);
    const started = await withDeadline(work(client), env().TELEGRAM_REQUEST_TIMEOUT_MS);
    countLoginAttempt(started.flow.step);
    return started;
  } catch (error) {
    countFailedLoginAttempt(error);
    throw loginFailure(error);
  } finally {
    await client?.destroy().catch(() => undefined);
  }
}

async function insertFlow(
  deps: LoginDeps,
  client: TelegramClient,
  values: Omit<NewLoginFlow, "expiresAt"> & { id: string },
): Promise<LoginState> {
  const flow = {
    ...values,
    dcId: client.session.dcId,
    sessionCiphertext: encrypt(deps.ring, saveSession(client), secrets.loginSession.binding(values.id)),
    createdById: auditActorId(deps.actor),
    expiresAt: new Date(Date.now() + flowLifetimeMs),
  };
  const stored = await deps.commit(async (tx) => {
    await expireLoginFlows(tx);
    return insertLoginFlow(tx, flow);
  });
  return { flow: stored };
}
