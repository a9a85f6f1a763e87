/**
 * The baseline, run as its own process like `next start`: node:http answering the list's first page with the
 * same query function through the same driver and pool (openDatabase, DATABASE_URL), no framework, no auth.
 * Prints {"port":n} when listening; stops on SIGTERM.
 */
import { createServer } from "node:http";
import { openDatabase } from "@/db";
import { listSessions } from "@/db/queries/sessions";
import { toSessionItem } from "@/lib/api/schemas/sessions";

const { db, close } = await openDatabase();
const server = createServer((_request, response) => {
  listSessions(db, { sort: "created", order: "desc", limit: 50 }).then(
    (page) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ items: page.rows.map(toSessionItem), nextCursor: page.nextCursor }));
    },
    () => {
      response.writeHead(500);
      response.end();
    },
  );
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 }));
});
process.once("SIGTERM", () => server.close(() => void close().then(() => process.exit(0))));
