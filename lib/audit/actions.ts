/** Audit actions as `resource.verb`; the audit page offers these as filter suggestions. */
export const auditActions = [
  "team_member.create",
  "team_member.update",
  "team_member.remove",
  "api_token.create",
  "api_token.revoke",
] as const;

export type AuditAction = (typeof auditActions)[number];
