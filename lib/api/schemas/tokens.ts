import { z } from "zod";
import type { ApiTokenSummary } from "@/db/queries/api-tokens";
import { tokenScopeEnum } from "@/db/schema/api-tokens";
import { iso, isoOrNull } from "@/lib/http/json-dates";

export const createTokenBody = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(80, "Use at most 80 characters."),
  scope: z.enum(tokenScopeEnum.enumValues, "Choose read or admin."),
  /** Unset: the token works until revoked. */
  expiresInDays: z
    .number("Give the days as a whole number from 1 to 365.")
    .int("Give the days as a whole number from 1 to 365.")
    .min(1, "Give the days as a whole number from 1 to 365.")
    .max(365, "Give the days as a whole number from 1 to 365.")
    .optional(),
});

export type TokenItem = {
  id: string;
  name: string;
  prefix: string;
  scope: z.infer<typeof createTokenBody>["scope"];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
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
    expiresAt: isoOrNull(token.expiresAt),
    createdBy: token.createdBy?.email ?? null,
  };
}
