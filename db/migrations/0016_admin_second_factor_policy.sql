-- "Admins must use a second factor" is on for new installs (no setting: the default). An install that already has
-- members keeps signing its admins in as before until an admin turns the policy on in Settings.
INSERT INTO "console_settings" ("key", "value", "updated_by")
SELECT 'second_factor_policy', '{"requireAdminMfa": false}'::jsonb, 'migration'
WHERE EXISTS (SELECT 1 FROM "users")
ON CONFLICT ("key") DO NOTHING;
