import { Api } from "telegram";
import { returnBigInt } from "telegram/Helpers";
import { method, requireAccount } from "../call";
import { badRequest } from "../rpc-error";
import { userObject } from "../users";
import type { AccountRecord } from "../../store/types";

function isSelf(input: Api.TypeInputUser, account: AccountRecord): boolean {
  if (input.className === "InputUserSelf") return true;
  return input.className === "InputUser" && (input as Api.InputUser).userId.toString() === account.userId;
}

export const selfMethods = [
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
