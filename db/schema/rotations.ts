import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { telegramSessions } from "./telegram-sessions";
import { users } from "./users";

/**
 * exported: the fresh key exists (not authorized). accepted: the old session accepted its login token.
 * password_needed: the fresh key waits for the 2FA password. authorized: the fresh key is logged in.
 * swapped: the new session row is live and the old one awaits its logout. done / rolled_back: closed.
 */
export const rotationStepEnum = pgEnum("rotation_step", [
  "started",
  "exported",
  "accepted",
  "password_needed",
  "authorized",
  "swapped",
  "done",
  "rolled_back",
]);
export type RotationStep = (typeof rotationStepEnum.enumValues)[number];

/** A rotation in progress: its step and the fresh key (encrypted), so a crash at any step can be finished or undone. */
export const sessionRotations = pgTable(
  "session_rotations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => telegramSessions.id, { onDelete: "cascade" }),
    newSessionId: uuid("new_session_id").references(() => telegramSessions.id, { onDelete: "set null" }),
    step: rotationStepEnum("step").notNull().default("started"),
    /** Vault envelope of the fresh StringSession, bound to this row. */
    freshCiphertext: text("fresh_ciphertext"),
    passwordHint: text("password_hint"),
    /** "manual" or "policy". */
    trigger: text("trigger").notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorLabel: text("actor_label").notNull(),
    lastError: text("last_error"),
    /** A process working on the rotation holds it until then; recovery takes over rotations past it. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // At most one open rotation per session.
    uniqueIndex("session_rotations_open_idx")
      .on(t.sessionId)
      .where(sql`${t.step} not in ('done', 'rolled_back')`),
    index("session_rotations_step_idx").on(t.step, t.lockedUntil),
  ],
);

export type SessionRotation = typeof sessionRotations.$inferSelect;
