import { and, count, eq } from "drizzle-orm";
import * as member from "@/app/api/v1/team/members/[id]/route";
import * as members from "@/app/api/v1/team/members/route";
import * as token from "@/app/api/v1/tokens/[id]/route";
import * as tokens from "@/app/api/v1/tokens/route";
import type { Db } from "@/db";
import { apiTokens, auditLog, users } from "@/db/schema";
import { callRoute, type CallOptions, type CallResult } from "@/tests/support/call-route";
import { insertApiToken } from "@/db/queries/api-tokens";
import { generateApiToken } from "@/lib/auth/actors";

/**
 * One mutation on rows of its own, so whether it happened can be read back without doubt: `send` runs it
 * through the real route handler, `happened` and `auditRows` look (on a direct connection) for its change
 * and for its success audit row.
 */
export type FaultMutation = {
  kind: string;
  send(): Promise<CallResult>;
  happened(): Promise<boolean>;
  auditRows(): Promise<number>;
};

export const mutationKinds = [
  "team member create",
  "team member update",
  "team member delete",
  "token create",
  "token revoke",
] as const;

export async function prepareMutation(
  direct: Db,
  kind: (typeof mutationKinds)[number],
  n: number,
  as: (o: CallOptions) => CallOptions,
): Promise<FaultMutation> {
  const auditRows = (action: string, target: string) => async () => {
    const [row] = await direct
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.target, target), eq(auditLog.outcome, "success")));
    return row?.n ?? 0;
  };
  const memberNamed = (email: string) => direct.query.users.findFirst({ where: eq(users.email, email) });
  const email = `fault-${n}@example.com`;
  // Inserted directly (no password hashing): these members only need to exist, never to sign in.
  const viewerWithToken = async () => {
    const [created] = await direct
      .insert(users)
      .values({ email, role: "viewer", passwordHash: "unused" })
      .returning({ id: users.id });
    const { hash, prefix } = generateApiToken();
    const { id: tokenId } = await insertApiToken(direct, {
      name: `${email} token`,
      scope: "read",
      tokenHash: hash,
      prefix,
      createdById: created!.id,
    });
    return { member: created!, tokenId };
  };
  switch (kind) {
    case "team member create":
      return {
        kind,
        send: () => callRoute(members.POST, "POST", as({ body: { email, role: "viewer" } })),
        happened: async () => (await memberNamed(email)) !== undefined,
        auditRows: auditRows("team_member.create", email),
      };
    case "team member update": {
      const { member: target } = await viewerWithToken();
      return {
        kind,
        send: () => callRoute(member.PATCH, "PATCH", as({ params: { id: target.id }, body: { role: "admin" } })),
        happened: async () => (await memberNamed(email))?.role === "admin",
        auditRows: auditRows("team_member.update", email),
      };
    }
    case "team member delete": {
      const { member: target } = await viewerWithToken();
      return {
        kind,
        send: () => callRoute(member.DELETE, "DELETE", as({ params: { id: target.id } })),
        happened: async () => (await memberNamed(email)) === undefined,
        auditRows: auditRows("team_member.remove", email),
      };
    }
    case "token create": {
      const name = `fault token ${n}`;
      return {
        kind,
        send: () => callRoute(tokens.POST, "POST", as({ body: { name, scope: "read" } })),
        happened: async () =>
          (await direct.query.apiTokens.findFirst({ where: eq(apiTokens.name, name) })) !== undefined,
        auditRows: auditRows("api_token.create", name),
      };
    }
    case "token revoke": {
      const { tokenId } = await viewerWithToken();
      return {
        kind,
        send: () => callRoute(token.DELETE, "DELETE", as({ params: { id: tokenId } })),
        happened: async () =>
          Boolean((await direct.query.apiTokens.findFirst({ where: eq(apiTokens.id, tokenId) }))?.revokedAt),
        auditRows: auditRows("api_token.revoke", `${email} token`),
      };
    }
  }
}
