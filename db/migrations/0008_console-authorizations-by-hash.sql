-- Rows matched by look-alike fields, never by a hash, are no proof: their sessions are learned again.
DELETE FROM "session_authorizations" WHERE "hash" IS NULL;--> statement-breakpoint
ALTER TABLE "session_authorizations" ALTER COLUMN "hash" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "session_authorizations" DROP COLUMN "date_created";--> statement-breakpoint
ALTER TABLE "session_authorizations" DROP COLUMN "api_id";--> statement-breakpoint
ALTER TABLE "session_authorizations" DROP COLUMN "device_model";