import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Console-wide settings changed from the settings page, one JSON value per key. */
export const consoleSettings = pgTable("console_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<Record<string, unknown>>().notNull(),
  updatedBy: text("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
