import { Api } from "telegram";
import type { ClientInfo } from "../store/types";
import { authorizationOfKey } from "../server/authorizations";
import type { Call, Handler } from "./call";
import { authorizationMethods } from "./methods/authorizations";
import { helpMethods } from "./methods/help";
import { loginCodeMethods } from "./methods/login-code";
import { passwordMethods } from "./methods/password";
import { qrLoginMethods } from "./methods/qr-login";
import { selfMethods } from "./methods/self";
import { rpcErrorBytes, serialiseResult } from "./result";
import { RpcError } from "./rpc-error";

const handlers = new Map<string, Handler>([
  ...helpMethods,
  ...selfMethods,
  ...loginCodeMethods,
  ...passwordMethods,
  ...qrLoginMethods,
  ...authorizationMethods,
]);

interface TlRequest {
  className: string;
  classType: string;
}

/** Peels invokeWithLayer / initConnection / invokeAfterMsg wrappers, keeping initConnection's device data. */
function unwrap(call: Call, request: TlRequest): TlRequest {
  if (request instanceof Api.InitConnection) {
    recordClient(call, {
      apiId: request.apiId,
      deviceModel: request.deviceModel,
      systemVersion: request.systemVersion,
      appVersion: request.appVersion,
      systemLangCode: request.systemLangCode,
      langCode: request.langCode,
      ip: call.ip,
    });
  }
  const wrapped =
    request instanceof Api.InvokeWithLayer ||
    request instanceof Api.InitConnection ||
    request instanceof Api.InvokeAfterMsg ||
    request instanceof Api.InvokeAfterMsgs ||
    request instanceof Api.InvokeWithoutUpdates;
  return wrapped ? unwrap(call, (request as unknown as { query: TlRequest }).query) : request;
}

function recordClient(call: Call, client: ClientInfo): void {
  const { authKey } = call;
  if (JSON.stringify(authKey.client) === JSON.stringify(client)) return;
  authKey.client = client;
  const authorization = authorizationOfKey(call.ctx, authKey);
  if (authorization) authorization.client = client;
  call.ctx.store.changed();
}

function phoneOf(call: Call, request: TlRequest): string | undefined {
  const userId = call.authKey.userId ?? call.authKey.passwordPendingUserId;
  const account = userId ? call.ctx.store.accountByUserId(userId) : undefined;
  return account?.phone ?? (request as { phoneNumber?: string }).phoneNumber;
}

async function run(call: Call, request: TlRequest, phone: string | undefined): Promise<Buffer> {
  if (call.authKey.dead) throw new RpcError(406, call.authKey.dead);
  const fault = call.ctx.faults.takeRpc(request.className, phone);
  if (fault) throw new RpcError(fault.code, fault.error);
  const handler = handlers.get(request.className);
  if (!handler || request.classType !== "request") throw new RpcError(400, "INPUT_METHOD_INVALID");
  return serialiseResult(await handler(call, request as never));
}

/** Runs one RPC and returns the bytes for its rpc_result: the result or an rpc_error. */
export async function dispatch(call: Call, raw: unknown): Promise<Buffer> {
  const request = unwrap(call, raw as TlRequest);
  const phone = phoneOf(call, request);
  const entry = { at: call.now, dcId: call.dcId, authKeyId: call.authKey.id, method: request.className, phone };
  try {
    const bytes = await run(call, request, phone);
    call.ctx.log.add({ ...entry, result: "ok" });
    return bytes;
  } catch (error) {
    const rpc = error instanceof RpcError ? error : new RpcError(500, "INTERNAL_SERVER_ERROR");
    if (!(error instanceof RpcError)) console.error(`sandbox: ${request.className} failed:`, (error as Error).message);
    call.ctx.log.add({ ...entry, result: rpc.errorMessage });
    return rpcErrorBytes(rpc.code, rpc.errorMessage);
  }
}
