import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { telegramSessions } from "./telegram-sessions";
import { users } from "./users";

export const loginMethodEnum = pgEnum("login_method", ["phone", "qr"]);
export const loginStepEnum = pgEnum("login_step", ["code", "password", "qr", "done", "failed", "cancelled", "expired"]);
export type LoginStep = (typeof loginStepEnum.enumValues)[number];

/** A login in progress. Its temporary auth key lives here (encrypted) so any instance can take the next step. */
export const loginFlows = pgTable(
  "login_flows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    method: loginMethodEnum("method").notNull(),
    step: loginStepEnum("step").notNull(),
    phoneCiphertext: text("phone_ciphertext"),
    phoneMasked: text("phone_masked"),
    dcId: integer("dc_id"),
    sessionCiphertext: text("session_ciphertext"),
    phoneCodeHashCiphertext: text("phone_code_hash_ciphertext"),
    codeType: text("code_type"),
    nextCodeType: text("next_code_type"),
    codeLength: integer("code_length"),
    resendAvailableAt: timestamp("resend_available_at", { withTimezone: true }),
    passwordHint: text("password_hint"),
    qrExpiresAt: timestamp("qr_expires_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastErrorCode: text("last_error_code"),
    floodWaitUntil: timestamp("flood_wait_until", { withTimezone: true }),
    /** A step in progress holds the flow until then, so two requests for one flow never both talk to Telegram. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    resultSessionId: uuid("result_session_id").references(() => telegramSessions.id, { onDelete: "set null" }),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("login_flows_expires_idx").on(t.expiresAt)],
);

export type LoginFlow = typeof loginFlows.$inferSelect;
