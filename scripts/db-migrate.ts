import { openDatabase } from "@/db";
import { env } from "@/lib/env";

const target = env().DATABASE_URL ? "the database in DATABASE_URL" : "the embedded database";
const handle = await openDatabase();
try {
  await handle.migrate();
  console.log(`Migrations applied to ${target}.`);
} finally {
  await handle.close();
}
