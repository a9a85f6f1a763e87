import { z } from "zod";
import type { ApiTokenSummary } from "@/db/queries/api-tokens";
import { tokenScopeEnum } from "@/db/schema/api-tokens";
import { iso, isoOrNull } from "@/lib/http/json-dates";
import { isoDate, isoDateOrNull } from "./common";

const methodPattern = z
  .string()
  .regex(
    /^[A-Za-z*][\w.*]{0,127}$/,
    "Name methods as GramJS does (users.GetFullUser); * matches the rest (messages.Get*).",
  );

const useFields = ["methods", "sessions", "lease", "maxLeaseTtlSeconds", "logParams"] as const;

export const createTokenBody = z
  .object({
    name: z.string().trim().min(1, "Give the token a name.").max(80, "Use at most 80 characters."),
    scope: z.enum(tokenScopeEnum.enumValues, "Choose read, admin or use."),
    /** Unset: the token works until revoked. */
    expiresInDays: z
      .number("Give the days as a whole number from 1 to 365.")
      .int("Give the days as a whole number from 1 to 365.")
      .min(1, "Give the days as a whole number from 1 to 365.")
      .max(365, "Give the days as a whole number from 1 to 365.")
      .optional(),
    /** The token is revoked when its member changes their password. */
    revokeOnPasswordChange: z.boolean("revokeOnPasswordChange is true or false.").optional(),
    /** Scope `use`: the Telegram methods the token may invoke (patterns). */
    methods: z.array(methodPattern, "List the methods.").min(1, "List at least one method.").max(100).optional(),
    /** Scope `use`: the sessions it may use; unset: every session. */
    sessions: z
      .object({ ids: z.array(z.uuid("Give session ids.")).min(1, "Give at least one session id.").max(1000) })
      .strict()
      .optional(),
    /** Scope `use`: whether it may take leases, and for how long at most (default one hour). */
    lease: z.boolean().optional(),
    maxLeaseTtlSeconds: z.number().int().min(60, "At least 60 seconds.").max(86_400, "At most a day.").optional(),
    /** Scope `use`: keep the parameters of its calls in the call log. */
    logParams: z.boolean().optional(),
  })
  .superRefine((body, ctx) => {
    if (body.scope === "use" && !body.methods) {
      ctx.addIssue({ code: "custom", path: ["methods"], message: "A use token needs the methods it may call." });
    }
    if (body.scope === "use") return;
    for (const field of useFields) {
      if (body[field] !== undefined)
        ctx.addIssue({ code: "custom", path: [field], message: "Only a use token takes this." });
    }
  });

export type CreateTokenBody = z.infer<typeof createTokenBody>;

/** A token request as issueApiToken takes it: the `use` limits under their stored names. */
export function tokenRequestOf(body: CreateTokenBody) {
  const { sessions, lease, ...rest } = body;
  return { ...rest, sessionIds: sessions?.ids, mayLease: lease };
}

/** What a `use` token may do, as admins see it. */
export type UseGrantItem = {
  methods: string[];
  sessionIds: string[] | null;
  lease: boolean;
  maxLeaseTtlSeconds: number | null;
  logParams: boolean;
};

export type TokenItem = {
  id: string;
  name: string;
  prefix: string;
  scope: z.infer<typeof createTokenBody>["scope"];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  createdBy: string | null;
  use: UseGrantItem | null;
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
    use:
      scope === "use"
        ? {
            methods: token.methods ?? [],
            sessionIds: token.sessionIds,
            lease: token.mayLease,
            maxLeaseTtlSeconds: token.maxLeaseTtlSeconds,
            logParams: token.logParams,
          }
        : null,
  };
}

export const tokenItemSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    scope: z.enum(tokenScopeEnum.enumValues),
    createdAt: isoDate,
    lastUsedAt: isoDateOrNull,
    expiresAt: isoDateOrNull,
    createdBy: z.string().nullable(),
    use: z
      .object({
        methods: z.array(z.string()),
        sessionIds: z.array(z.uuid()).nullable(),
        lease: z.boolean(),
        maxLeaseTtlSeconds: z.number().int().nullable(),
        logParams: z.boolean(),
      })
      .nullable(),
  })
  .meta({ id: "TokenItem", description: "An API token as admins see it: never the token itself." });

export const tokenList = z.object({ items: z.array(tokenItemSchema) });

export const createdToken = z.object({
  item: tokenItemSchema,
  token: z.string().meta({ description: "The token, shown this once; only its hash is kept." }),
});

export const revokedToken = z.object({ id: z.uuid(), revokedAt: isoDate });
