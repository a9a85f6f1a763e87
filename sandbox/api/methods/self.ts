import { Api } from "telegram";
import { returnBigInt } from "telegram/Helpers";
import { method, requireAccount, unixTime } from "../call";
import { badRequest } from "../rpc-error";
import { userObject } from "../users";
import type { AccountRecord } from "../../store/types";

function isSelf(input: Api.TypeInputUser, account: AccountRecord): boolean {
  return (
    input instanceof Api.InputUserSelf || (input instanceof Api.InputUser && input.userId.toString() === account.userId)
  );
}

export const selfMethods = [
  method(Api.updates.GetState, (call) => {
    requireAccount(call);
    return new Api.updates.State({ pts: 1, qts: 0, date: unixTime(call.now), seq: 1, unreadCount: 0 });
  }),
  method(Api.users.GetUsers, (call, req) => {
    const account = requireAccount(call);
    return (req.id as unknown as Api.TypeInputUser[]).map((input) =>
      isSelf(input, account)
        ? userObject(account, true)
        : new Api.UserEmpty({ id: "userId" in input ? input.userId : returnBigInt(0) }),
    );
  }),
  method(Api.users.GetFullUser, (call, req) => {
    const account = requireAccount(call);
    if (!isSelf(req.id as unknown as Api.TypeInputUser, account)) throw badRequest("USER_ID_INVALID");
    return new Api.users.UserFull({
      fullUser: new Api.UserFull({
        id: returnBigInt(account.userId),
        settings: new Api.PeerSettings({}),
        notifySettings: new Api.PeerNotifySettings({}),
        commonChatsCount: 0,
      }),
      chats: [],
      users: [userObject(account, true)],
    });
  }),
];
