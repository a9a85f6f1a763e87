CREATE TYPE "public"."session_status" AS ENUM('active', 'degraded', 'invalid', 'revoke_pending', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."login_method" AS ENUM('phone', 'qr');--> statement-breakpoint
CREATE TYPE "public"."login_step" AS ENUM('code', 'password', 'qr', 'done', 'failed', 'cancelled', 'expired');--> statement-breakpoint
CREATE TABLE "telegram_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"telegram_user_id" bigint NOT NULL,
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text,
	"username" text,
	"phone_ciphertext" text,
	"phone_masked" text NOT NULL,
	"dc_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "telegram_accounts_telegram_user_id_unique" UNIQUE("telegram_user_id")
);
--> statement-breakpoint
CREATE TABLE "telegram_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"status" "session_status" DEFAULT 'active' NOT NULL,
	"session_ciphertext" text,
	"decrypt_failed" boolean DEFAULT false NOT NULL,
	"dc_id" integer NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"last_check_at" timestamp with time zone,
	"next_check_at" timestamp with time zone DEFAULT now() NOT NULL,
	"auth_failures" integer DEFAULT 0 NOT NULL,
	"rate_limit_hits" integer DEFAULT 0 NOT NULL,
	"flood_wait_until" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"last_latency_ms" integer,
	"last_error" text,
	"rotated_from_id" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"revoked_by" text,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "session_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"session_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"detail" jsonb,
	"latency_ms" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_flows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"method" "login_method" NOT NULL,
	"step" "login_step" NOT NULL,
	"phone_ciphertext" text,
	"phone_masked" text,
	"dc_id" integer,
	"session_ciphertext" text,
	"phone_code_hash_ciphertext" text,
	"code_type" text,
	"next_code_type" text,
	"code_length" integer,
	"resend_available_at" timestamp with time zone,
	"password_hint" text,
	"qr_expires_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error_code" text,
	"flood_wait_until" timestamp with time zone,
	"locked_until" timestamp with time zone,
	"result_session_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "telegram_sessions" ADD CONSTRAINT "telegram_sessions_account_id_telegram_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."telegram_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telegram_sessions" ADD CONSTRAINT "telegram_sessions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telegram_sessions" ADD CONSTRAINT "telegram_sessions_rotated_from_id_telegram_sessions_id_fk" FOREIGN KEY ("rotated_from_id") REFERENCES "public"."telegram_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_events" ADD CONSTRAINT "session_events_session_id_telegram_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."telegram_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_flows" ADD CONSTRAINT "login_flows_result_session_id_telegram_sessions_id_fk" FOREIGN KEY ("result_session_id") REFERENCES "public"."telegram_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_flows" ADD CONSTRAINT "login_flows_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "telegram_sessions_status_idx" ON "telegram_sessions" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "telegram_sessions_next_check_idx" ON "telegram_sessions" USING btree ("next_check_at");--> statement-breakpoint
CREATE INDEX "telegram_sessions_account_idx" ON "telegram_sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "session_events_session_idx" ON "session_events" USING btree ("session_id","id");--> statement-breakpoint
CREATE INDEX "login_flows_expires_idx" ON "login_flows" USING btree ("expires_at");