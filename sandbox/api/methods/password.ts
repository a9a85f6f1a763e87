import { randomBytes } from "node:crypto";
import { Api } from "telegram";
import { returnBigInt } from "telegram/Helpers";
import { DH_G, DH_PRIME_BYTES } from "../../crypto/dh-prime";
import { srpChallenge, verifySrp, type SrpChallenge } from "../../crypto/srp";
import { authorizeKey } from "../../server/authorizations";
import type { AccountRecord } from "../../store/types";
import { method, requireAccount, type Call } from "../call";
import { badRequest, floodWait, unauthorized } from "../rpc-error";
import { userObject } from "../users";

// SRP challenges live in memory only: after a restart the client asks again (SRP_ID_INVALID).
const challenges = new Map<string, { srpId: string; challenge: SrpChallenge; userId: string }>();

/** The account a password step is for: signed in, or stopped at SESSION_PASSWORD_NEEDED. */
function passwordAccount(call: Call): AccountRecord {
  const pendingUser = call.authKey.passwordPendingUserId;
  if (pendingUser) {
    const account = call.ctx.store.accountByUserId(pendingUser);
    if (account) return account;
  }
  if (call.authKey.authorizationHash) return requireAccount(call);
  throw unauthorized("AUTH_KEY_UNREGISTERED");
}

const algo = (salt1: Buffer, salt2: Buffer) =>
  new Api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow({
    salt1,
    salt2,
    g: DH_G,
    p: DH_PRIME_BYTES,
  });

export const passwordMethods = [
  method(Api.account.GetPassword, (call) => {
    const account = passwordAccount(call);
    const common = {
      newAlgo: algo(randomBytes(8), randomBytes(16)),
      newSecureAlgo: new Api.SecurePasswordKdfAlgoPBKDF2HMACSHA512iter100000({ salt: randomBytes(8) }),
      secureRandom: randomBytes(32),
    };
    if (!account.password) return new Api.account.Password({ hasPassword: false, ...common });
    const challenge = srpChallenge(account.password);
    const srpId = randomBytes(8).readBigInt64LE(0).toString();
    challenges.set(call.authKey.id, { srpId, challenge, userId: account.userId });
    return new Api.account.Password({
      hasPassword: true,
      currentAlgo: algo(Buffer.from(account.password.salt1, "hex"), Buffer.from(account.password.salt2, "hex")),
      srp_B: challenge.B,
      srpId: returnBigInt(srpId),
      hint: account.password.hint || undefined,
      ...common,
    });
  }),
  method(Api.auth.CheckPassword, (call, req) => {
    const account = passwordAccount(call);
    if (req.password.className !== "InputCheckPasswordSRP") throw badRequest("PASSWORD_HASH_INVALID");
    const srp = req.password as Api.InputCheckPasswordSRP;
    const pending = challenges.get(call.authKey.id);
    challenges.delete(call.authKey.id);
    if (!pending || pending.srpId !== srp.srpId.toString() || pending.userId !== account.userId) {
      throw badRequest("SRP_ID_INVALID");
    }
    if (!account.password) throw badRequest("PASSWORD_HASH_INVALID");
    const { limits, rateLimiter } = call.ctx;
    if (!verifySrp(account.password, pending.challenge, srp.A, srp.M1)) {
      const wait = rateLimiter.hit(`password:${account.phone}`, limits.passwordAttemptsPerHour, 3600, call.now);
      throw wait ? floodWait(wait) : badRequest("PASSWORD_HASH_INVALID");
    }
    if (!call.authKey.authorizationHash) authorizeKey(call.ctx, call.authKey, account, call.now);
    return new Api.auth.Authorization({ user: userObject(account, true) });
  }),
];
