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
] as const;

export type AuditAction = (typeof auditActions)[number];
