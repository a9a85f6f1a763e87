import { Api } from "telegram";
import { crc32 } from "../../transport/crc32";
import { appConfigOf } from "../../server/account-states";
import { phoneOfKey } from "../../server/accounts";
import { DEFAULT_LAYER, schemaOf } from "../../tl/layers";
import { method, unixTime, type Call } from "../call";

function config(call: Call): Api.Config {
  const date = unixTime(call.now);
  return new Api.Config({
    date,
    expires: date + 3600,
    testMode: false,
    thisDc: call.dcId,
    dcOptions: call.ctx.dcs.map((dc) => new Api.DcOption({ id: dc.id, ipAddress: dc.address, port: dc.port })),
    dcTxtDomainName: "sandbox.invalid",
    chatSizeMax: 200,
    megagroupSizeMax: 200000,
    forwardedCountMax: 100,
    onlineUpdatePeriodMs: 210000,
    offlineBlurTimeoutMs: 5000,
    offlineIdleTimeoutMs: 30000,
    onlineCloudTimeoutMs: 300000,
    notifyCloudDelayMs: 30000,
    notifyDefaultDelayMs: 1500,
    pushChatPeriodMs: 60000,
    pushChatLimit: 2,
    editTimeLimit: 172800,
    revokeTimeLimit: 2147483647,
    revokePmTimeLimit: 2147483647,
    ratingEDecay: 2419200,
    stickersRecentLimit: 200,
    channelsReadMediaPeriod: 604800,
    callReceiveTimeoutMs: 20000,
    callRingTimeoutMs: 90000,
    callConnectTimeoutMs: 30000,
    callPacketTimeoutMs: 10000,
    meUrlPrefix: "https://t.me/",
    captionLengthMax: 1024,
    messageLengthMax: 4096,
    webfileDcId: call.ctx.dcs[0]?.id ?? call.dcId,
    suggestedLangCode: "en",
    langPackVersion: 0,
    baseLangPackVersion: 0,
  });
}

function jsonValue(value: number | string | boolean): Api.TypeJSONValue {
  if (typeof value === "number") return new Api.JsonNumber({ value });
  if (typeof value === "boolean") return new Api.JsonBool({ value });
  return new Api.JsonString({ value });
}

/**
 * The account's app config (anyone's without one): a JSON object, with a hash that changes with its content. Older
 * layers (Telethon's 144) return the JSON value itself and send no hash.
 */
function appConfig(call: Call, hash: number | undefined): Api.help.TypeAppConfig | Api.TypeJSONValue {
  const phone = phoneOfKey(call.ctx.store, call.authKey);
  const keys = appConfigOf(phone === undefined ? undefined : call.ctx.store.account(phone));
  const config = new Api.JsonObject({
    value: Object.entries(keys).map(([key, value]) => new Api.JsonObjectValue({ key, value: jsonValue(value) })),
  });
  if (schemaOf(call.authKey.layer ?? DEFAULT_LAYER).byClassName.get("help.GetAppConfig")?.type === "JSONValue")
    return config;
  const ownHash = crc32(Buffer.from(JSON.stringify(keys))) | 0 || 1;
  return ownHash === hash ? new Api.help.AppConfigNotModified() : new Api.help.AppConfig({ hash: ownHash, config });
}

export const helpMethods = [
  method(Api.help.GetAppConfig, (call, req) => appConfig(call, req.hash)),
  method(Api.help.GetConfig, (call) => config(call)),
  method(
    Api.help.GetNearestDc,
    (call) => new Api.NearestDc({ country: "ZZ", thisDc: call.dcId, nearestDc: call.dcId }),
  ),
];
