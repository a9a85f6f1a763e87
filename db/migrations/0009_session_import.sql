ALTER TABLE "telegram_sessions" ADD COLUMN "labels" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "telegram_sessions" ADD COLUMN "auth_key_id" text;--> statement-breakpoint
ALTER TABLE "telegram_sessions" ADD COLUMN "shared_key" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "telegram_sessions_auth_key_id_idx" ON "telegram_sessions" USING btree ("auth_key_id");--> statement-breakpoint
CREATE INDEX "telegram_sessions_labels_idx" ON "telegram_sessions" USING gin ("labels");