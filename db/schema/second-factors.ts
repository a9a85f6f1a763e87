import { bigint, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const factorKindEnum = pgEnum("factor_kind", ["totp"]);
export type FactorKind = (typeof factorKindEnum.enumValues)[number];

/** A member's second factors: authenticator apps (TOTP). */
export const memberFactors = pgTable(
  "member_factors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: factorKindEnum("kind").notNull(),
    name: text("name").notNull(),
    /** TOTP: the shared secret (base32), sealed by the vault. */
    secretCiphertext: text("secret_ciphertext"),
    /** TOTP: the time step of the last accepted code; a code of that step or earlier is refused (replay). */
    lastTimeStep: bigint("last_time_step", { mode: "number" }),
    /** Null while a TOTP enrolment waits for its first code: such a factor signs nobody in. */
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("member_factors_user_idx").on(t.userId)],
);

export type MemberFactor = typeof memberFactors.$inferSelect;

/** One-time recovery codes: HMAC-SHA256 of each code, never the code. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId, t.codeHash)],
);

/**
 * A password step passed by a member with a second factor: the ticket (its SHA-256) the factor step exchanges
 * for the sign-in cookie, once, before it expires.
 */
export const signInTickets = pgTable("sign_in_tickets", {
  ticketHash: text("ticket_hash").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  sessionVersion: integer("session_version").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});
