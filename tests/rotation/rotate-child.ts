import { openDatabase } from "@/db";
import { systemRequester } from "@/lib/revocation/revoke";
import { rotateSession } from "@/lib/rotation/rotate";
import { connectionManager } from "@/lib/telegram/connection/manager";
import { loadKeyRing } from "@/lib/vault";

// Run as its own process: rotates SESSION_ID and prints the result as JSON. Env: DATABASE_URL, SESSION_ID.
// rotate-kill.test.ts preloads crash-at-step.ts to SIGKILL it at a step.
const handle = await openDatabase();
const { db } = handle;
const result = await rotateSession(
  {
    db,
    ring: loadKeyRing(),
    manager: connectionManager(),
    requester: systemRequester,
    commit: (work) => db.transaction(work),
  },
  process.env.SESSION_ID ?? "",
);
console.log(JSON.stringify(result));
await connectionManager().closeAll();
await handle.close();
process.exit(0);
