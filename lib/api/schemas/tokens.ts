import { z } from "zod";
import type { ApiTokenSummary } from "@/db/queries/api-tokens";
import { tokenScopeEnum } from "@/db/schema/api-tokens";
import { iso, isoOrNull } from "@/lib/http/json-dates";

export const createTokenBody = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(80, "Use at most 80 characters."),
  scope: z.enum(tokenScopeEnum.enumValues, "Choose read or admin."),
});

export type TokenItem = {
  id: string;
  name: string;
  prefix: string;
  scope: z.infer<typeof createTokenBody>["scope"];
  createdAt: string;
  lastUsedAt: string | null;
  createdBy: string | null;
};

/** Answer to creating a token: `token` is the secret, shown this once; only its hash is kept. */
export type CreatedToken = { item: TokenItem; token: string };

export function tokenItem(token: ApiTokenSummary): TokenItem {
  const { id, name, prefix, scope } = token;
  return {
    id,
    name,
    prefix,
    scope,
    createdAt: iso(token.createdAt),
    lastUsedAt: isoOrNull(token.lastUsedAt),
    createdBy: token.createdBy?.email ?? null,
  };
}
