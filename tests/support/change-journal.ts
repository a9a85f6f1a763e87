import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { publicTables, sqlRows } from "./sql-rows";

export type RowChange = {
  table: string;
  op: "INSERT" | "UPDATE" | "DELETE" | "TRUNCATE";
  old: Record<string, unknown> | null;
  new: Record<string, unknown> | null;
};

/**
 * Row triggers on every table of the public schema (and a TRUNCATE trigger) that copy each committed change
 * into `fuzz_journal.changes`: a rolled-back change leaves no entry, so a request's entries are what it kept.
 */
export async function installChangeJournal(db: Db): Promise<void> {
  await db.execute(sql`create schema if not exists fuzz_journal`);
  await db.execute(sql`create table if not exists fuzz_journal.changes (
    seq bigint generated always as identity primary key, tbl text not null, op text not null, old jsonb, new jsonb)`);
  await db.execute(
    sql.raw(`create or replace function fuzz_journal.record() returns trigger language plpgsql as $$
    begin
      if tg_op = 'TRUNCATE' then
        insert into fuzz_journal.changes (tbl, op) values (tg_table_name, tg_op);
        return null;
      end if;
      insert into fuzz_journal.changes (tbl, op, old, new) values (tg_table_name, tg_op,
        case when tg_op <> 'INSERT' then to_jsonb(old) end, case when tg_op <> 'DELETE' then to_jsonb(new) end);
      return null;
    end $$`),
  );
  for (const { quoted: table } of await publicTables(db)) {
    await db.execute(
      sql.raw(`create or replace trigger fuzz_journal_rows after insert or update or delete on ${table}
      for each row execute function fuzz_journal.record()`),
    );
    await db.execute(
      sql.raw(`create or replace trigger fuzz_journal_truncate after truncate on ${table}
      for each statement execute function fuzz_journal.record()`),
    );
  }
}

/** The changes committed since the last call, oldest first; the journal is emptied. */
export async function takeChanges(db: Db): Promise<RowChange[]> {
  const taken = await sqlRows<{
    seq: number;
    tbl: string;
    op: RowChange["op"];
    old: RowChange["old"];
    new: RowChange["new"];
  }>(db, sql`delete from fuzz_journal.changes returning seq, tbl, op, old, new`);
  return taken
    .sort((a, b) => Number(a.seq) - Number(b.seq))
    .map((row) => ({ table: row.tbl, op: row.op, old: row.old, new: row.new }));
}
