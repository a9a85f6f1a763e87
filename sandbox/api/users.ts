import { Api } from "telegram";
import { returnBigInt } from "telegram/Helpers";
import type { AccountRecord } from "../store/types";

export function userObject(account: AccountRecord, self: boolean): Api.User {
  return new Api.User({
    self,
    id: returnBigInt(account.userId),
    accessHash: returnBigInt(account.accessHash),
    firstName: account.firstName,
    lastName: account.lastName || undefined,
    username: account.username,
    phone: account.phone,
    status: new Api.UserStatusRecently({}),
    restricted: account.restrictions?.length ? true : undefined,
    restrictionReason: account.restrictions?.length
      ? account.restrictions.map((r) => new Api.RestrictionReason(r))
      : undefined,
  });
}
