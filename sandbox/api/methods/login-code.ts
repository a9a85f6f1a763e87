import { randomBytes } from "node:crypto";
import { Api } from "telegram";
import { method, type Call } from "../call";
import { badRequest, floodWait, RpcError, unauthorized } from "../rpc-error";
import { userObject } from "../users";
import { loginCodeFor, normalisePhone, testNumberDc, upsertAccount } from "../../server/accounts";
import { authorizeKey } from "../../server/authorizations";
import type { AccountRecord, PendingCode } from "../../store/types";

const MAX_CODE_ATTEMPTS = 5;

function checkPhone(call: Call, raw: string): string {
  const phone = normalisePhone(raw);
  if (!/^\d{5,15}$/.test(phone)) throw badRequest("PHONE_NUMBER_INVALID");
  const home = call.ctx.store.account(phone)?.homeDc ?? testNumberDc(phone) ?? call.dcId;
  if (!call.ctx.dcs.some((dc) => dc.id === home)) throw badRequest("PHONE_NUMBER_INVALID");
  if (home !== call.dcId) throw new RpcError(303, `PHONE_MIGRATE_${home}`);
  if (call.ctx.store.account(phone)?.banned) throw badRequest("PHONE_NUMBER_BANNED");
  return phone;
}

function sentCode(pending: PendingCode, resent: boolean): Api.auth.SentCode {
  return new Api.auth.SentCode({
    type: resent ? new Api.auth.SentCodeTypeSms({ length: 5 }) : new Api.auth.SentCodeTypeApp({ length: 5 }),
    phoneCodeHash: pending.phoneCodeHash,
    nextType: new Api.auth.CodeTypeSms(),
    timeout: 60,
  });
}

/** The pending code a hash names, as this auth key may use it; Telegram's errors otherwise. */
function pendingFor(call: Call, phone: string, hash: string): PendingCode {
  const pending = call.ctx.store.state.codes[hash];
  if (!hash) throw badRequest("PHONE_CODE_HASH_EMPTY");
  if (!pending || pending.authKeyId !== call.authKey.id || pending.expiresAt < call.now)
    throw badRequest("PHONE_CODE_EXPIRED");
  if (pending.phone !== normalisePhone(phone)) throw badRequest("PHONE_NUMBER_INVALID");
  return pending;
}

function finishLogin(call: Call, account: AccountRecord): Api.auth.Authorization {
  if (account.password) {
    call.authKey.passwordPendingUserId = account.userId;
    call.ctx.store.changed();
    throw unauthorized("SESSION_PASSWORD_NEEDED");
  }
  authorizeKey(call.ctx, call.authKey, account, call.now);
  return new Api.auth.Authorization({ user: userObject(account, true) });
}

export const loginCodeMethods = [
  method(Api.auth.SendCode, (call, req) => {
    const phone = checkPhone(call, req.phoneNumber);
    const wait = call.ctx.rateLimiter.hit(`sendCode:${phone}`, call.ctx.limits.sendCodePerHour, 3600, call.now);
    if (wait) throw floodWait(wait);
    if (testNumberDc(phone) !== undefined) upsertAccount(call.ctx.store, { phone }, call.dcId);
    const pending: PendingCode = {
      phoneCodeHash: randomBytes(9).toString("hex"),
      phone,
      code: loginCodeFor(phone),
      authKeyId: call.authKey.id,
      expiresAt: call.now + call.ctx.limits.codeTtlSeconds * 1000,
      attempts: 0,
      verified: false,
    };
    call.ctx.store.state.codes[pending.phoneCodeHash] = pending;
    call.ctx.store.state.lastCodes[phone] = { code: pending.code, expiresAt: pending.expiresAt };
    call.ctx.store.changed();
    return sentCode(pending, false);
  }),
  method(Api.auth.ResendCode, (call, req) => {
    const pending = pendingFor(call, req.phoneNumber, req.phoneCodeHash);
    pending.expiresAt = call.now + call.ctx.limits.codeTtlSeconds * 1000;
    call.ctx.store.state.lastCodes[pending.phone] = { code: pending.code, expiresAt: pending.expiresAt };
    call.ctx.store.changed();
    return sentCode(pending, true);
  }),
  method(Api.auth.CancelCode, (call, req) => {
    const pending = pendingFor(call, req.phoneNumber, req.phoneCodeHash);
    delete call.ctx.store.state.codes[pending.phoneCodeHash];
    call.ctx.store.changed();
    return true;
  }),
  method(Api.auth.SignIn, (call, req) => {
    const pending = pendingFor(call, req.phoneNumber, req.phoneCodeHash);
    if (!req.phoneCode) throw badRequest("PHONE_CODE_EMPTY");
    if (req.phoneCode !== pending.code) {
      if (++pending.attempts >= MAX_CODE_ATTEMPTS) delete call.ctx.store.state.codes[pending.phoneCodeHash];
      call.ctx.store.changed();
      throw badRequest("PHONE_CODE_INVALID");
    }
    const account = call.ctx.store.account(pending.phone);
    if (!account) {
      pending.verified = true;
      call.ctx.store.changed();
      return new Api.auth.AuthorizationSignUpRequired({});
    }
    delete call.ctx.store.state.codes[pending.phoneCodeHash];
    return finishLogin(call, account);
  }),
  method(Api.auth.SignUp, (call, req) => {
    const pending = pendingFor(call, req.phoneNumber, req.phoneCodeHash);
    if (!pending.verified) throw badRequest("PHONE_CODE_INVALID");
    if (!req.firstName.trim()) throw badRequest("FIRSTNAME_INVALID");
    if (call.ctx.store.account(pending.phone)) throw badRequest("PHONE_NUMBER_OCCUPIED");
    const account = upsertAccount(
      call.ctx.store,
      { phone: pending.phone, firstName: req.firstName, lastName: req.lastName, homeDc: call.dcId },
      call.dcId,
    );
    delete call.ctx.store.state.codes[pending.phoneCodeHash];
    return finishLogin(call, account);
  }),
];
