/**
 * Every audit action, as `resource.verb`: what the console, the API, the background work and the CLI record.
 * The audit page offers these as filter suggestions, so a new action belongs here before anything writes it.
 */
export const auditActions = [
  "auth.sign_in",
  "auth.sign_out",
  "auth.setup",
  "auth.password_change",
  "auth.step_up",
  "second_factor.begin",
  "second_factor.add",
  "second_factor.remove",
  "second_factor.recovery_codes",
  "second_factor.reset",
  "team_member.create",
  "team_member.update",
  "team_member.remove",
  "team_member.end_sign_ins",
  "api_token.create",
  "api_token.revoke",
  "telegram_login.start",
  "telegram_login.submit_code",
  "telegram_login.submit_password",
  "telegram_login.resend_code",
  "telegram_login.refresh_qr",
  "telegram_login.cancel",
  "telegram_login.recover",
  "session.import",
  "session.check",
  "session.rotate",
  "session.revoke",
  "session.forget",
  "session.invoke",
  "telegram_authorization.terminate",
  "telegram_authorization.terminate_others",
  "telegram_authorization.set_ttl",
  "settings.update",
  "keys.rotate",
] as const;

export type AuditAction = (typeof auditActions)[number];
