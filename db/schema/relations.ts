import { relations } from "drizzle-orm";
import { apiTokens } from "./api-tokens";
import { auditLog } from "./audit";
import { loginFlows } from "./login-flows";
import { sessionEvents } from "./session-events";
import { sessionFloodWaits } from "./session-health";
import { telegramAccounts } from "./telegram-accounts";
import { telegramSessions } from "./telegram-sessions";
import { users } from "./users";

export const usersRelations = relations(users, ({ many }) => ({
  apiTokens: many(apiTokens),
  auditEntries: many(auditLog),
}));

export const apiTokensRelations = relations(apiTokens, ({ one }) => ({
  createdBy: one(users, { fields: [apiTokens.createdById], references: [users.id] }),
}));

export const auditLogRelations = relations(auditLog, ({ one }) => ({
  actor: one(users, { fields: [auditLog.actorId], references: [users.id] }),
}));

export const telegramAccountsRelations = relations(telegramAccounts, ({ many }) => ({
  sessions: many(telegramSessions),
}));

export const telegramSessionsRelations = relations(telegramSessions, ({ one, many }) => ({
  account: one(telegramAccounts, { fields: [telegramSessions.accountId], references: [telegramAccounts.id] }),
  createdBy: one(users, { fields: [telegramSessions.createdById], references: [users.id] }),
  rotatedFrom: one(telegramSessions, {
    fields: [telegramSessions.rotatedFromId],
    references: [telegramSessions.id],
    relationName: "rotation",
  }),
  events: many(sessionEvents),
  floodWaits: many(sessionFloodWaits),
}));

export const sessionFloodWaitsRelations = relations(sessionFloodWaits, ({ one }) => ({
  session: one(telegramSessions, { fields: [sessionFloodWaits.sessionId], references: [telegramSessions.id] }),
}));

export const sessionEventsRelations = relations(sessionEvents, ({ one }) => ({
  session: one(telegramSessions, { fields: [sessionEvents.sessionId], references: [telegramSessions.id] }),
}));

export const loginFlowsRelations = relations(loginFlows, ({ one }) => ({
  createdBy: one(users, { fields: [loginFlows.createdById], references: [users.id] }),
  resultSession: one(telegramSessions, { fields: [loginFlows.resultSessionId], references: [telegramSessions.id] }),
}));
