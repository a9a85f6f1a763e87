/** Audit actions as `resource.verb`; the audit page offers these as filter suggestions. */
export const auditActions = [
  "team_member.create",
  "team_member.update",
  "team_member.remove",
  "api_token.create",
  "api_token.revoke",
  "telegram_login.start",
  "telegram_login.submit_code",
  "telegram_login.submit_password",
  "telegram_login.resend_code",
  "telegram_login.refresh_qr",
  "telegram_login.cancel",
  "telegram_login.recover",
  "session.check",
  "session.rotate",
  "session.revoke",
  "session.forget",
  "telegram_authorization.terminate",
  "telegram_authorization.terminate_others",
  "telegram_authorization.set_ttl",
  "settings.update",
] as const;

export type AuditAction = (typeof auditActions)[number];
