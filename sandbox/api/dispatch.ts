import type { ClientInfo } from "../store/types";
import { frozenRefuses } from "../server/account-states";
import { phoneOfKey } from "../server/accounts";
import { authorizationOfKey } from "../server/authorizations";
import { fieldOf, TlDecodeError, TlReader, writeValue, type TlObject } from "../tl/codec";
import { DEFAULT_LAYER, schemaOf, servedLayer } from "../tl/layers";
import type { Call, Handler } from "./call";
import { authorizationMethods } from "./methods/authorizations";
import { helpMethods } from "./methods/help";
import { loginCodeMethods } from "./methods/login-code";
import { passwordMethods } from "./methods/password";
import { qrLoginMethods } from "./methods/qr-login";
import { selfMethods } from "./methods/self";
import { updatesMethods } from "./methods/updates";
import { rpcErrorBytes } from "./result";
import { RpcError } from "./rpc-error";

const handlers = new Map<string, Handler>([
  ...helpMethods,
  ...selfMethods,
  ...updatesMethods,
  ...loginCodeMethods,
  ...passwordMethods,
  ...qrLoginMethods,
  ...authorizationMethods,
]);

const INVOKE_WITH_LAYER = 0xda9b0d0d;
const WRAPPERS = new Set([
  "InvokeWithLayer",
  "InitConnection",
  "InvokeAfterMsg",
  "InvokeAfterMsgs",
  "InvokeWithoutUpdates",
]);

/**
 * The layer this request is read and answered in: the one its invokeWithLayer names (served as the nearest
 * supported layer below it, and remembered for the key), else the key's last one.
 */
function layerOf(call: Call, body: Buffer): number {
  if (body.length >= 8 && body.readUInt32LE(0) === INVOKE_WITH_LAYER) {
    const layer = servedLayer(body.readInt32LE(4));
    if (call.authKey.layer !== layer) {
      call.authKey.layer = layer;
      call.ctx.store.changed();
    }
  }
  return call.authKey.layer ?? DEFAULT_LAYER;
}

/** Peels invokeWithLayer / initConnection / invokeAfterMsg wrappers, keeping initConnection's device data. */
function unwrap(call: Call, request: TlObject): TlObject {
  if (request.className === "InitConnection") {
    const init = request as unknown as Omit<ClientInfo, "ip">;
    recordClient(call, {
      apiId: init.apiId,
      deviceModel: init.deviceModel,
      systemVersion: init.systemVersion,
      appVersion: init.appVersion,
      systemLangCode: init.systemLangCode,
      langCode: init.langCode,
      ip: call.ip,
    });
  }
  return WRAPPERS.has(request.className) ? unwrap(call, fieldOf(request, "query") as TlObject) : request;
}

function recordClient(call: Call, client: ClientInfo): void {
  const { authKey } = call;
  if (JSON.stringify(authKey.client) === JSON.stringify(client)) return;
  authKey.client = client;
  const authorization = authorizationOfKey(call.ctx, authKey);
  if (authorization) authorization.client = client;
  call.ctx.store.changed();
}

function phoneOf(call: Call, request: TlObject | undefined): string | undefined {
  const requested = request && (fieldOf(request, "phoneNumber") as string | undefined);
  return phoneOfKey(call.ctx.store, call.authKey) ?? requested;
}

async function run(call: Call, request: TlObject, layer: number, phone: string | undefined): Promise<Buffer> {
  if (call.authKey.dead) throw new RpcError(406, call.authKey.dead);
  const fault = call.ctx.faults.takeRpc(request.className, phone);
  if (fault) throw new RpcError(fault.code, fault.error);
  const handler = handlers.get(request.className);
  const schema = schemaOf(layer);
  const method = schema.byClassName.get(request.className);
  if (!handler || !method?.isMethod) throw new RpcError(400, "INPUT_METHOD_INVALID");
  if (frozenRefuses(call.ctx, call.authKey, request.className)) throw new RpcError(420, "FROZEN_METHOD_INVALID");
  return writeValue(schema, method.type, await handler(call, request as never));
}

function decode(layer: number, body: Buffer): TlObject {
  try {
    return new TlReader(schemaOf(layer), body).object();
  } catch (error) {
    if (error instanceof TlDecodeError) throw new RpcError(400, "INPUT_METHOD_INVALID");
    throw error;
  }
}

/** Reads one RPC in the client's layer and returns the bytes for its rpc_result: the result or an rpc_error. */
export async function dispatch(call: Call, body: Buffer): Promise<Buffer> {
  let method = `0x${body.readUInt32LE(0).toString(16)}`;
  let phone = phoneOf(call, undefined);
  let layer: number | undefined;
  try {
    layer = layerOf(call, body);
    const request = unwrap(call, decode(layer, body));
    method = request.className;
    phone = phoneOf(call, request);
    const bytes = await run(call, request, layer, phone);
    call.ctx.log.add({ at: call.now, dcId: call.dcId, authKeyId: call.authKey.id, method, layer, phone, result: "ok" });
    return bytes;
  } catch (error) {
    const rpc = error instanceof RpcError ? error : new RpcError(500, "INTERNAL_SERVER_ERROR");
    if (!(error instanceof RpcError)) console.error(`sandbox: ${method} failed:`, (error as Error).message);
    const result = rpc.errorMessage;
    call.ctx.log.add({ at: call.now, dcId: call.dcId, authKeyId: call.authKey.id, method, layer, phone, result });
    return rpcErrorBytes(rpc.code, rpc.errorMessage);
  }
}
