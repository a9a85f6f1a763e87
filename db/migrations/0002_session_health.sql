CREATE TABLE "monitor_heartbeats" (
	"owner" text PRIMARY KEY NOT NULL,
	"host" text NOT NULL,
	"pid" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"beat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checks" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_flood_waits" (
	"session_id" uuid NOT NULL,
	"method" text NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"seconds" integer NOT NULL,
	"hits" integer DEFAULT 1 NOT NULL,
	"last_hit_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_flood_waits_session_id_method_pk" PRIMARY KEY("session_id","method")
);
--> statement-breakpoint
ALTER TABLE "telegram_sessions" ADD COLUMN "authorization_ttl_days" integer;--> statement-breakpoint
ALTER TABLE "telegram_sessions" ADD COLUMN "ttl_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "session_flood_waits" ADD CONSTRAINT "session_flood_waits_session_id_telegram_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."telegram_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "telegram_sessions_due_idx" ON "telegram_sessions" USING btree ("next_check_at") WHERE "telegram_sessions"."status" in ('active', 'degraded');--> statement-breakpoint
CREATE INDEX "session_events_session_kind_idx" ON "session_events" USING btree ("session_id","kind","id");