import { randomBytes } from "node:crypto";
import { makePasswordRecord } from "../crypto/srp";
import type { Store } from "../store/store";
import type { AccountRecord, AuthKeyRecord } from "../store/types";

export interface AccountInput {
  phone: string;
  firstName?: string;
  lastName?: string;
  username?: string;
  /** Sets the 2FA password; null removes it. */
  password?: string | null;
  hint?: string;
  homeDc?: number;
}

const TEST_NUMBER = /^99966(\d)\d{4}$/;

export const normalisePhone = (phone: string): string => phone.replace(/[^\d]/g, "");

/** Telegram's test-DC convention: 99966XYYYY lives on DC X. */
export function testNumberDc(phone: string): number | undefined {
  const match = TEST_NUMBER.exec(phone);
  return match ? Number(match[1]) : undefined;
}

/** Test numbers log in with their DC digit repeated five times; others get a random code. */
export function loginCodeFor(phone: string): string {
  const dc = testNumberDc(phone);
  return dc === undefined ? String(10000 + (randomBytes(4).readUInt32LE(0) % 90000)) : String(dc).repeat(5);
}

export function upsertAccount(store: Store, input: AccountInput, defaultDc: number): AccountRecord {
  const phone = normalisePhone(input.phone);
  const existing = store.account(phone);
  const account: AccountRecord = existing ?? {
    phone,
    userId: String(store.state.nextUserId++),
    accessHash: randomBytes(8).readBigInt64LE(0).toString(),
    firstName: `Test ${phone.slice(-4)}`,
    lastName: "",
    homeDc: testNumberDc(phone) ?? defaultDc,
    authorizationTtlDays: 180,
    createdAt: Date.now(),
  };
  if (input.firstName !== undefined) account.firstName = input.firstName;
  if (input.lastName !== undefined) account.lastName = input.lastName;
  if (input.username !== undefined) account.username = input.username;
  if (input.homeDc !== undefined) account.homeDc = input.homeDc;
  if (input.password === null) delete account.password;
  else if (input.password !== undefined) account.password = makePasswordRecord(input.password, input.hint ?? "");
  else if (input.hint !== undefined && account.password) account.password.hint = input.hint;
  store.state.accounts[phone] = account;
  store.changed();
  return account;
}

/** The phone number of the account a key is signed in as (or stopped at the 2FA step for). */
export function phoneOfKey(store: Store, key: AuthKeyRecord): string | undefined {
  const userId = key.userId ?? key.passwordPendingUserId;
  return userId ? store.accountByUserId(userId)?.phone : undefined;
}
