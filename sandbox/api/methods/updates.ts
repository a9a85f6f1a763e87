import { Api } from "telegram";
import type { AccountRecord, UpdateCounters } from "../../store/types";
import { method, requireAccount, unixTime, type Call } from "../call";

/** The account's update counters. The sandbox sends no pts/qts/seq-bearing updates, so they only start. */
function countersOf(call: Call, account: AccountRecord): UpdateCounters {
  if (!account.updates) {
    account.updates = { pts: 1, qts: 0, seq: 1 };
    call.ctx.store.changed();
  }
  return account.updates;
}

function state(call: Call, counters: UpdateCounters): Api.updates.State {
  return new Api.updates.State({ ...counters, date: unixTime(call.now), unreadCount: 0 });
}

export const updatesMethods = [
  method(Api.updates.GetState, (call) => state(call, countersOf(call, requireAccount(call)))),
  method(Api.updates.GetDifference, (call, req) => {
    const counters = countersOf(call, requireAccount(call));
    // A client behind the account's counters gets the (empty) difference and the state to resume from.
    if (req.pts < counters.pts || req.qts < counters.qts) {
      return new Api.updates.Difference({
        newMessages: [],
        newEncryptedMessages: [],
        otherUpdates: [],
        chats: [],
        users: [],
        state: state(call, counters),
      });
    }
    return new Api.updates.DifferenceEmpty({ date: unixTime(call.now), seq: counters.seq });
  }),
];
