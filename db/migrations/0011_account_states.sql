ALTER TYPE "public"."session_status" ADD VALUE 'frozen';--> statement-breakpoint
ALTER TYPE "public"."session_status" ADD VALUE 'banned';--> statement-breakpoint
ALTER TYPE "public"."session_status" ADD VALUE 'deactivated';--> statement-breakpoint
DROP INDEX "telegram_sessions_due_idx";--> statement-breakpoint
ALTER TABLE "telegram_sessions" ADD COLUMN "frozen_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "telegram_sessions" ADD COLUMN "frozen_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "telegram_sessions" ADD COLUMN "freeze_appeal_url" text;--> statement-breakpoint
ALTER TABLE "telegram_sessions" ADD COLUMN "restrictions" jsonb;--> statement-breakpoint
CREATE INDEX "telegram_sessions_due_idx" ON "telegram_sessions" USING btree ("next_check_at") WHERE "telegram_sessions"."status" not in ('invalid', 'revoke_pending', 'revoked');