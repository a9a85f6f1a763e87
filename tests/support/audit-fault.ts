import { sql } from "drizzle-orm";
import type { Db } from "@/db";

/**
 * Makes every insert into audit_log fail, as a full disk or a revoked grant would, until `restore` is called.
 * A trigger, so both drivers (and the superuser PGlite runs as) are refused alike.
 */
export async function breakAuditLog(db: Db): Promise<{ restore(): Promise<void> }> {
  await db.execute(
    sql.raw(`create or replace function public.audit_log_refuse() returns trigger language plpgsql as $$
    begin raise exception 'audit log refuses writes (injected by the audit-fails-closed suite)'; end $$`),
  );
  await db.execute(
    sql.raw(
      `create trigger audit_log_refuse before insert on public.audit_log for each row execute function public.audit_log_refuse()`,
    ),
  );
  return {
    async restore() {
      await db.execute(sql.raw(`drop trigger audit_log_refuse on public.audit_log`));
      await db.execute(sql.raw(`drop function public.audit_log_refuse()`));
    },
  };
}
