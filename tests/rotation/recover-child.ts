import { count, notInArray } from "drizzle-orm";
import { openDatabase } from "@/db";
import { sessionRevocations, sessionRotations } from "@/db/schema";
import { closedRotationSteps } from "@/db/queries/rotations";
import { maintenancePass } from "@/lib/background";
import { sleep } from "@/lib/telegram/connection/backoff";
import { connectionManager } from "@/lib/telegram/connection/manager";

// Run as its own process, like a console restarted after a crash: maintenance passes until no rotation is
// open and no logout is owed (at most DEADLINE_MS). Prints the passes' totals as JSON. Env: DATABASE_URL.
const handle = await openDatabase();
const { db } = handle;
const deadline = Date.now() + Number(process.env.DEADLINE_MS ?? 45_000);
const totals = { rotationsClosed: 0, revoked: 0, passes: 0 };
for (;;) {
  const stats = await maintenancePass(db, connectionManager());
  totals.rotationsClosed += stats.rotationsClosed;
  totals.revoked += stats.revoked;
  totals.passes++;
  const [open] = await db
    .select({ n: count() })
    .from(sessionRotations)
    .where(notInArray(sessionRotations.step, closedRotationSteps));
  const [owed] = await db.select({ n: count() }).from(sessionRevocations);
  if ((open?.n ?? 0) + (owed?.n ?? 0) === 0 || Date.now() > deadline) break;
  await sleep(500);
}
console.log(JSON.stringify(totals));
await connectionManager().closeAll();
await handle.close();
process.exit(0);
