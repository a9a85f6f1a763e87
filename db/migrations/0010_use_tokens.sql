ALTER TYPE "public"."token_scope" ADD VALUE 'use';--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "methods" text[];--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "session_ids" uuid[];--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "may_lease" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "max_lease_ttl_seconds" integer;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "log_params" boolean DEFAULT false NOT NULL;