import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const tokenScopeEnum = pgEnum("token_scope", ["read", "admin", "use"]);
export type TokenScope = (typeof tokenScopeEnum.enumValues)[number];

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** SHA-256 of the token; the token itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    /** First characters of the token, so admins can tell tokens apart. */
    prefix: text("prefix").notNull(),
    scope: tokenScopeEnum("scope").notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** The token stops working at this moment; null: never. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /** Scope `use`: the Telegram methods it may invoke, as patterns (`messages.Get*`). */
    methods: text("methods").array(),
    /** Scope `use`: the sessions it may use; null: every session. */
    sessionIds: uuid("session_ids").array(),
    /** Scope `use`: whether it may take leases, and for how long at most. */
    mayLease: boolean("may_lease").notNull().default(false),
    maxLeaseTtlSeconds: integer("max_lease_ttl_seconds"),
    /** Scope `use`: the call log keeps the parameters of its calls. */
    logParams: boolean("log_params").notNull().default(false),
    /** Revoked when the member who made it changes their password (asked for at creation). */
    revokeOnPasswordChange: boolean("revoke_on_password_change").notNull().default(false),
  },
  (t) => [index("api_tokens_created_at_idx").on(t.createdAt)],
);

export type ApiToken = typeof apiTokens.$inferSelect;
