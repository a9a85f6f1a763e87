import { bigint, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const telegramAccounts = pgTable("telegram_accounts", {
  id: uuid("id").primaryKey().defaultRandom(),
  telegramUserId: bigint("telegram_user_id", { mode: "bigint" }).notNull().unique(),
  firstName: text("first_name").notNull().default(""),
  lastName: text("last_name"),
  username: text("username"),
  /** Vault envelope bound to this row; the masked form is what pages show. */
  phoneCiphertext: text("phone_ciphertext"),
  phoneMasked: text("phone_masked").notNull(),
  dcId: integer("dc_id").notNull(),
  /**
   * When the health check last reconciled the account's device list with Telegram's (RECONCILE_INTERVAL_MINUTES);
   * the first check after it is due claims it by moving it forward, so one session of the account reads the list.
   */
  devicesReconciledAt: timestamp("devices_reconciled_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type TelegramAccount = typeof telegramAccounts.$inferSelect;
