CREATE TABLE "session_calls" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "session_calls_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"session_id" uuid NOT NULL,
	"token_id" uuid,
	"actor_label" text NOT NULL,
	"method" text NOT NULL,
	"outcome" text NOT NULL,
	"telegram_error" text,
	"latency_ms" integer NOT NULL,
	"params" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "session_calls" ADD CONSTRAINT "session_calls_session_id_telegram_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."telegram_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_calls" ADD CONSTRAINT "session_calls_token_id_api_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."api_tokens"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_calls_session_idx" ON "session_calls" USING btree ("session_id","id");