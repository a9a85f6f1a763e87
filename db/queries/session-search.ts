import { eq, ilike, inArray, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { telegramAccounts } from "@/db/schema";

const maxBigint = 2n ** 63n - 1n;

/** `%` and `_` typed by a user are literal characters, not wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Sessions whose account matches `q`: display name, username (with or without "@"), masked phone, or
 * exactly the Telegram user id. A subquery, so the list stays one statement.
 */
export function accountMatches(db: DbOrTx, accountId: AnyColumn, q: string): SQL {
  const a = telegramAccounts;
  const pattern = `%${escapeLike(q.replace(/^@/, ""))}%`;
  const fullName = sql`${a.firstName} || ' ' || coalesce(${a.lastName}, '')`;
  const conditions = [ilike(fullName, pattern), ilike(a.username, pattern), ilike(a.phoneMasked, `%${escapeLike(q)}%`)];
  if (/^\d{1,19}$/.test(q) && BigInt(q) <= maxBigint) conditions.push(eq(a.telegramUserId, BigInt(q)));
  return inArray(
    accountId,
    db
      .select({ id: a.id })
      .from(a)
      .where(or(...conditions)),
  );
}
