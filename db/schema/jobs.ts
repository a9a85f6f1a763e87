import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const jobStatusEnum = pgEnum("job_status", ["queued", "running", "done", "failed"]);
export type JobStatus = (typeof jobStatusEnum.enumValues)[number];

export const jobItemStatusEnum = pgEnum("job_item_status", ["pending", "done"]);

/**
 * Work the API accepted and the background path carries out item by item (an import of many sessions, later
 * other bulk work). `kind` names the handler; `options` are the job-wide, non-secret choices.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    status: jobStatusEnum("status").notNull().default("queued"),
    options: jsonb("options").$type<Record<string, unknown>>().notNull().default({}),
    total: integer("total").notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdByLabel: text("created_by_label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("jobs_status_idx").on(t.status, t.createdAt)],
);

/**
 * One item of a job. Its input may be secret (an imported key): `payloadCiphertext` is a vault envelope bound to
 * the row, destroyed when the item is done. A process works on an item under `lockedUntil`; once that passes
 * (the process died), any process claims it again, and `progress` tells the handler how far the last try got.
 */
export const jobItems = pgTable(
  "job_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    index: integer("index").notNull(),
    /** Where the item came from (a file name), not secret. */
    name: text("name"),
    status: jobItemStatusEnum("status").notNull().default("pending"),
    payloadCiphertext: text("payload_ciphertext"),
    /** What an earlier, interrupted try already did (say, the session it stored). */
    progress: jsonb("progress").$type<Record<string, unknown>>(),
    result: jsonb("result").$type<Record<string, unknown>>(),
    attempts: integer("attempts").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /** Not before then (an item whose work is busy elsewhere waits). */
    notBefore: timestamp("not_before", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("job_items_job_index_unique").on(t.jobId, t.index),
    index("job_items_pending_idx")
      .on(t.lockedUntil)
      .where(sql`${t.status} = 'pending'`),
  ],
);

export type Job = typeof jobs.$inferSelect;
export type JobItem = typeof jobItems.$inferSelect;
