import { bigint, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Failed sign-ins, kept in Postgres so throttling holds across restarts and instances. */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_failures_email_idx").on(t.email, t.at), index("sign_in_failures_ip_idx").on(t.ip, t.at)],
);

/** The one-time token that guards the first-run setup page (its hash only). */
export const setupTokens = pgTable("setup_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
