import { relations } from "drizzle-orm";
import { apiTokens } from "./api-tokens";
import { auditLog } from "./audit";
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
