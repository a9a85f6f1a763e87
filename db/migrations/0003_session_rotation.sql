CREATE TYPE "public"."rotation_step" AS ENUM('started', 'exported', 'accepted', 'password_needed', 'authorized', 'swapped', 'done', 'rolled_back');--> statement-breakpoint
CREATE TABLE "session_rotations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"new_session_id" uuid,
	"step" "rotation_step" DEFAULT 'started' NOT NULL,
	"fresh_ciphertext" text,
	"password_hint" text,
	"trigger" text NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"last_error" text,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_revocations" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_authorizations" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"hash" bigint,
	"date_created" integer NOT NULL,
	"api_id" integer NOT NULL,
	"device_model" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "console_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "session_rotations" ADD CONSTRAINT "session_rotations_session_id_telegram_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."telegram_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_rotations" ADD CONSTRAINT "session_rotations_new_session_id_telegram_sessions_id_fk" FOREIGN KEY ("new_session_id") REFERENCES "public"."telegram_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_rotations" ADD CONSTRAINT "session_rotations_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_revocations" ADD CONSTRAINT "session_revocations_session_id_telegram_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."telegram_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_revocations" ADD CONSTRAINT "session_revocations_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_authorizations" ADD CONSTRAINT "session_authorizations_session_id_telegram_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."telegram_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_authorizations" ADD CONSTRAINT "session_authorizations_account_id_telegram_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."telegram_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "session_rotations_open_idx" ON "session_rotations" USING btree ("session_id") WHERE "session_rotations"."step" not in ('done', 'rolled_back');--> statement-breakpoint
CREATE INDEX "session_rotations_step_idx" ON "session_rotations" USING btree ("step","locked_until");