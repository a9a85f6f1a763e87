import { testPostgresUrl } from "@/tests/support/database";
import { e2eDatabaseName } from "./config";

/** The e2e database's URL, built as server.ts builds it, for the admin CLI. */
export function e2eDatabaseUrl(): string {
  const url = new URL(testPostgresUrl);
  url.pathname = `/${e2eDatabaseName}`;
  return url.toString();
}
