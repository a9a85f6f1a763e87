import { Api } from "telegram";
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

export const helpMethods = [
  method(Api.help.GetConfig, (call) => config(call)),
  method(
    Api.help.GetNearestDc,
    (call) => new Api.NearestDc({ country: "ZZ", thisDc: call.dcId, nearestDc: call.dcId }),
  ),
];
