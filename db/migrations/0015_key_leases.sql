CREATE TYPE "public"."lease_status" AS ENUM('minting', 'active', 'logout_pending', 'logged_out');--> statement-breakpoint
CREATE TABLE "key_leases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"format" text NOT NULL,
	"status" "lease_status" DEFAULT 'minting' NOT NULL,
	"dc_id" integer NOT NULL,
	"hash" bigint,
	"key_ciphertext" text,
	"token_id" uuid,
	"token_name" text,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"end_reason" text,
	"ended_at" timestamp with time zone,
	"ended_by" text,
	"logged_out_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "key_leases" ADD CONSTRAINT "key_leases_session_id_telegram_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."telegram_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_leases" ADD CONSTRAINT "key_leases_account_id_telegram_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."telegram_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_leases" ADD CONSTRAINT "key_leases_token_id_api_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."api_tokens"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_leases" ADD CONSTRAINT "key_leases_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "key_leases_session_idx" ON "key_leases" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE INDEX "key_leases_open_idx" ON "key_leases" USING btree ("status","expires_at") WHERE "key_leases"."status" <> 'logged_out';