import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { loginFlows, sessionRotations, telegramAccounts, telegramSessions } from "@/db/schema";
import type { SecretBinding } from "@/lib/vault";

export type EncryptedColumn = {
  table: PgTable;
  id: PgColumn;
  column: PgColumn;
  binding: (rowId: string) => SecretBinding;
  /** Set on a row whose ciphertext no key decrypts, so pages can show it; absent where nothing shows it. */
  failureFlag?: PgColumn;
};

function bindingOf(table: string, column: string) {
  return (rowId: string): SecretBinding => ({ table, rowId, column });
}

/** Every column that holds a vault envelope. Writers use these bindings; the key rotation walks this list. */
export const secrets = {
  sessionString: {
    table: telegramSessions,
    id: telegramSessions.id,
    column: telegramSessions.sessionCiphertext,
    binding: bindingOf("telegram_sessions", "session"),
    failureFlag: telegramSessions.decryptFailed,
  },
  accountPhone: {
    table: telegramAccounts,
    id: telegramAccounts.id,
    column: telegramAccounts.phoneCiphertext,
    binding: bindingOf("telegram_accounts", "phone"),
  },
  loginPhone: {
    table: loginFlows,
    id: loginFlows.id,
    column: loginFlows.phoneCiphertext,
    binding: bindingOf("login_flows", "phone"),
  },
  loginSession: {
    table: loginFlows,
    id: loginFlows.id,
    column: loginFlows.sessionCiphertext,
    binding: bindingOf("login_flows", "session"),
  },
  rotationSession: {
    table: sessionRotations,
    id: sessionRotations.id,
    column: sessionRotations.freshCiphertext,
    binding: bindingOf("session_rotations", "session"),
  },
  loginPhoneCodeHash: {
    table: loginFlows,
    id: loginFlows.id,
    column: loginFlows.phoneCodeHashCiphertext,
    binding: bindingOf("login_flows", "phone_code_hash"),
  },
} satisfies Record<string, EncryptedColumn>;

export const encryptedColumns: EncryptedColumn[] = Object.values(secrets);
