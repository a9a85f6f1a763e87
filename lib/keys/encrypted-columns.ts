import type { EncryptedColumnName } from "@/db/queries/encrypted-columns";
import type { SecretBinding } from "@/lib/vault";

function bindingOf(table: string, column: string) {
  return { binding: (rowId: string): SecretBinding => ({ table, rowId, column }) };
}

/**
 * Every stored secret's vault binding (the envelope is bound to its table, row and column, so a ciphertext
 * copied elsewhere does not decrypt). Writers use these; the key rotation walks them all.
 */
export const secrets = {
  sessionString: bindingOf("telegram_sessions", "session"),
  serverSalt: bindingOf("telegram_sessions", "server_salt"),
  accountPhone: bindingOf("telegram_accounts", "phone"),
  loginPhone: bindingOf("login_flows", "phone"),
  loginSession: bindingOf("login_flows", "session"),
  rotationSession: bindingOf("session_rotations", "session"),
  loginPhoneCodeHash: bindingOf("login_flows", "phone_code_hash"),
  factorSecret: bindingOf("member_factors", "secret"),
  alertTarget: bindingOf("alert_channels", "target"),
  alertSecret: bindingOf("alert_channels", "secret"),
  jobPayload: bindingOf("job_items", "payload"),
  leaseKey: bindingOf("key_leases", "key"),
} satisfies Record<EncryptedColumnName, { binding: (rowId: string) => SecretBinding }>;
