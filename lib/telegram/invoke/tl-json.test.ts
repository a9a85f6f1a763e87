import { Api } from "telegram";
import { returnBigInt as bigInt } from "telegram/Helpers";
import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors/domain";
import { forbiddenReason, touchesServiceAccount, withoutServiceAccount } from "./denylist";
import { toJson, toRequest } from "./tl-json";

const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, fields: error.details.fields };
    throw error;
  }
  throw new Error("not refused");
};

describe("TL objects as JSON", () => {
  it("builds a GramJS request from class names, base64 bytes and big integers as strings", () => {
    const request = toRequest("messages.GetHistory", {
      peer: { _: "InputPeerUser", userId: "9223372036854775807", accessHash: "-42" },
      offsetId: 0,
      offsetDate: 0,
      addOffset: 0,
      limit: 10,
      maxId: 0,
      minId: 0,
      hash: "0",
    });
    expect(request).toBeInstanceOf(Api.messages.GetHistory);
    const peer = (request as Api.messages.GetHistory).peer as Api.InputPeerUser;
    expect(peer).toBeInstanceOf(Api.InputPeerUser);
    expect(peer.userId.toString()).toBe("9223372036854775807");
    expect(peer.accessHash.toString()).toBe("-42");
    const upload = toRequest("upload.SaveFilePart", { fileId: "1", filePart: 0, bytes: "AAEC/w==" });
    expect((upload as Api.upload.SaveFilePart).bytes).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it("leaves optional flags and randomId out, and requires the rest", () => {
    const request = toRequest("users.GetFullUser", { id: { _: "InputUserSelf" } });
    expect((request as Api.users.GetFullUser).id).toBeInstanceOf(Api.InputUserSelf);
    expect(refusal(() => toRequest("users.GetFullUser", {}))).toEqual({
      code: "invalid_input",
      fields: { "params.id": "is required." },
    });
  });

  it("refuses unknown methods, unknown fields, wrong types, wrong constructors and methods as arguments", () => {
    expect(refusal(() => toRequest("users.NoSuchThing", {})).fields).toEqual({ method: "Unknown method." });
    expect(refusal(() => toRequest("InputUserSelf", {})).fields).toEqual({ method: "Unknown method." });
    expect(refusal(() => toRequest("users.GetFullUser", { id: { _: "InputUserSelf" }, extra: 1 })).fields).toEqual({
      "params.extra": "users.GetFullUser has no such field.",
    });
    expect(refusal(() => toRequest("users.GetFullUser", { id: { _: "InputPeerSelf" } })).fields).toEqual({
      "params.id._": "must name a InputUser constructor.",
    });
    expect(refusal(() => toRequest("users.GetFullUser", { id: { _: "users.GetUsers", id: [] } })).fields).toEqual({
      "params.id._": "must name a InputUser constructor.",
    });
    expect(refusal(() => toRequest("users.GetFullUser", [])).fields).toEqual({ params: "must be an object." });
    const user = (userId: unknown) => ({ id: [{ _: "InputUser", userId, accessHash: "1" }] });
    expect(refusal(() => toRequest("users.GetUsers", user("12x"))).fields).toEqual({
      "params.id[0].userId": "must be an integer as a string.",
    });
    expect(refusal(() => toRequest("users.GetUsers", user("9223372036854775808"))).fields).toEqual({
      "params.id[0].userId": "must fit in 64 bits.",
    });
    expect(refusal(() => toRequest("upload.SaveFilePart", { fileId: "1", filePart: 0.5, bytes: "" })).fields).toEqual({
      "params.filePart": "must be a 32-bit integer.",
    });
    expect(refusal(() => toRequest("upload.SaveFilePart", { fileId: "1", filePart: 0, bytes: "@@" })).fields).toEqual({
      "params.bytes": "must be base64.",
    });
  });

  it("writes results with the class name in _, big integers as strings, bytes as base64, dates as seconds", () => {
    const user = new Api.User({
      id: BigInt(777) as never,
      firstName: "Ada",
      accessHash: BigInt("-5") as never,
      self: true,
    });
    const json = toJson(
      new Api.users.UserFull({
        fullUser: new Api.UserFull({
          id: BigInt(777) as never,
          settings: new Api.PeerSettings({}),
          notifySettings: new Api.PeerNotifySettings({}),
          commonChatsCount: 0,
          about: "hi",
        }),
        chats: [],
        users: [user],
      }),
    );
    expect(json).toMatchObject({
      _: "users.UserFull",
      fullUser: { _: "UserFull", id: "777", about: "hi", commonChatsCount: 0 },
      users: [{ _: "User", id: "777", accessHash: "-5", firstName: "Ada", self: true }],
      chats: [],
    });
    expect(json).not.toHaveProperty("users.0.flags");
    expect(toJson({ at: new Date(1_700_000_000_000), key: Buffer.from([1, 2]) })).toEqual({
      at: 1_700_000_000,
      key: "AQI=",
    });
  });
});

describe("the invoke denylist", () => {
  it("refuses auth.*, the account's security methods and every wrapper, in any case", () => {
    for (const method of [
      "auth.LogOut",
      "AUTH.exportLoginToken",
      "account.ResetAuthorization",
      "account.GetAuthorizations",
      "account.UpdatePasswordSettings",
      "account.GetPasswordSettings",
      "account.ResetPassword",
      "account.ChangePhone",
      "account.SendVerifyEmailCode",
      "account.DeleteAccount",
      "account.SetAccountTTL",
      "account.InitTakeoutSession",
      "account.RegisterDevice",
      "InvokeWithLayer",
      "invokeWithLayer",
      "InitConnection",
      "InvokeAfterMsg",
      "InvokeAfterMsgs",
      "InvokeWithoutUpdates",
      "InvokeWithTakeout",
      "InvokeWithMessagesRange",
      "DestroyAuthKey",
      "messages.RequestUrlAuth",
      "messages.acceptUrlAuth",
      "account.UpdateConnectedBot",
      "smsjobs.Join",
      "SMSJOBS.getStatus",
    ]) {
      expect(forbiddenReason(method), method).toBeDefined();
    }
    for (const method of [
      "users.GetFullUser",
      "messages.GetHistory",
      "messages.GetMessages",
      "account.UpdateProfile",
      "account.GetPrivacy",
      "account.GetConnectedBots",
    ]) {
      expect(forbiddenReason(method), method).toBeUndefined();
    }
  });

  it("finds the service account 777000 anywhere in a request", () => {
    const peer = (userId: string) => ({ _: "InputPeerUser", userId, accessHash: "1" });
    const history = (userId: string) =>
      toRequest("messages.GetHistory", {
        peer: peer(userId),
        ...{ offsetId: 0, offsetDate: 0, addOffset: 0, limit: 1, maxId: 0, minId: 0, hash: "0" },
      });
    expect(touchesServiceAccount(history("777000"))).toBe(true);
    expect(touchesServiceAccount(history("777001"))).toBe(false);
    const nested = toRequest("messages.GetPeerDialogs", { peers: [{ _: "InputDialogPeer", peer: peer("777000") }] });
    expect(touchesServiceAccount(nested)).toBe(true);
  });

  it("gives up past depth 64 as if the request named the service account", () => {
    let deep: Record<string, unknown> = { userId: "1" };
    for (let level = 0; level < 70; level++) deep = { inner: deep };
    expect(touchesServiceAccount(deep)).toBe(true);
    let shallow: Record<string, unknown> = { userId: "1" };
    for (let level = 0; level < 60; level++) shallow = { inner: shallow };
    expect(touchesServiceAccount(shallow)).toBe(false);
  });

  it("leaves the service account's messages, dialog and user out of results", () => {
    const fromService = new Api.PeerUser({ userId: bigInt(777000) });
    const fromFriend = new Api.PeerUser({ userId: bigInt(42) });
    const message = (id: number, peerId: Api.TypePeer) => new Api.Message({ id, peerId, date: 1, message: "m" });
    const user = (id: number) => new Api.User({ id: bigInt(id), firstName: `u${id}`, accessHash: bigInt(1) });
    const dialog = (peer: Api.TypePeer) =>
      new Api.Dialog({
        peer,
        topMessage: 1,
        readInboxMaxId: 0,
        readOutboxMaxId: 0,
        unreadCount: 0,
        unreadMentionsCount: 0,
        unreadReactionsCount: 0,
        notifySettings: new Api.PeerNotifySettings({}),
      });
    const dialogs = toJson(
      new Api.messages.Dialogs({
        dialogs: [dialog(fromService), dialog(fromFriend)],
        messages: [message(1, fromService), message(2, fromFriend)],
        chats: [],
        users: [user(777000), user(42)],
      }),
    );
    expect(withoutServiceAccount(dialogs, "messages.GetDialogs")).toMatchObject({
      dialogs: [{ peer: { userId: "42" } }],
      messages: [{ id: 2 }],
      users: [{ id: "42" }],
    });
    const forwarded = new Api.Message({
      id: 3,
      peerId: fromFriend,
      date: 1,
      message: "Login code: 12345",
      fwdFrom: new Api.MessageFwdHeader({ date: 1, fromId: fromService }),
    });
    const updates = toJson(
      new Api.Updates({
        updates: [new Api.UpdateNewMessage({ message: forwarded, pts: 1, ptsCount: 1 })],
        users: [],
        chats: [],
        date: 1,
        seq: 0,
      }),
    );
    expect(withoutServiceAccount(updates, "updates.GetDifference")).toMatchObject({ updates: [] });
    const resolved = toJson(new Api.contacts.ResolvedPeer({ peer: fromService, chats: [], users: [user(777000)] }));
    expect(refusal(() => withoutServiceAccount(resolved, "contacts.ResolveUsername")).code).toBe(
      "telegram_method_forbidden",
    );
    const friend = toJson(new Api.contacts.ResolvedPeer({ peer: fromFriend, chats: [], users: [user(42)] }));
    expect(withoutServiceAccount(friend, "contacts.ResolveUsername")).toEqual(friend);
  });
});
