import { integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { telegramSessions } from "./telegram-sessions";

/** Telegram's FLOOD_WAIT answers, per session and method: nothing for that method is sent before `until`. */
export const sessionFloodWaits = pgTable(
  "session_flood_waits",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => telegramSessions.id, { onDelete: "cascade" }),
    method: text("method").notNull(),
    until: timestamp("until", { withTimezone: true }).notNull(),
    seconds: integer("seconds").notNull(),
    hits: integer("hits").notNull().default(1),
    lastHitAt: timestamp("last_hit_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.method] })],
);

/** One row per running health monitor (console process or `npm run worker`), beaten while it runs. */
export const monitorHeartbeats = pgTable("monitor_heartbeats", {
  owner: text("owner").primaryKey(),
  host: text("host").notNull(),
  pid: integer("pid").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  beatAt: timestamp("beat_at", { withTimezone: true }).notNull().defaultNow(),
  checks: integer("checks").notNull().default(0),
});

export type SessionFloodWait = typeof sessionFloodWaits.$inferSelect;
export type MonitorHeartbeat = typeof monitorHeartbeats.$inferSelect;
