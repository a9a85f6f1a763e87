import { openDatabase } from "@/db";
import { mintLease } from "@/lib/leases/mint";
import { systemRequester } from "@/lib/revocation/revoke";
import { connectionManager } from "@/lib/telegram/connection/manager";
import { loadKeyRing } from "@/lib/vault";

// Run as its own process, a console that lends SESSION_ID's account for TTL_SECONDS and then dies by SIGKILL with
// the lease open: at once after printing the lease as JSON, or, with KILL_AFTER_MS, that long after the lease's row
// exists (mid-mint). Env: DATABASE_URL.
const killAfter = process.env.KILL_AFTER_MS;
const started = killAfter ? () => setTimeout(() => process.kill(process.pid, "SIGKILL"), Number(killAfter)) : undefined;
const handle = await openDatabase();
const { db } = handle;
const lease = await mintLease(
  { db, ring: loadKeyRing(), manager: connectionManager() },
  process.env.SESSION_ID ?? "",
  {
    ttlSeconds: Number(process.env.TTL_SECONDS ?? 60),
    format: "gramjs",
    requester: systemRequester,
    token: null,
    started,
  },
  (work) => db.transaction(work),
);
console.log(JSON.stringify({ id: lease.id, session: lease.session }));
process.kill(process.pid, "SIGKILL");
