import { sessionSorts } from "@/db/queries/session-sort";
import { call } from "./http-call";
import type { Tally } from "./tally";

type Page = { items: { id: string }[]; nextCursor: string | null };

const statusFilters = [undefined, "active", "active,degraded", "degraded,invalid", "revoke_pending,revoked"];
const searches = [undefined, undefined, undefined, "Sandbox", "+9996", "nobody-matches-this"];
const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)] as T;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the clients know of: session ids they can open (seeded ones, then any a list page shows). */
export class KnownSessions {
  constructor(private readonly ids: string[]) {}
  any(): string {
    return pick(this.ids);
  }
  learn(page: Page | undefined): void {
    for (const item of page?.items ?? [])
      if (this.ids.length < 5000 && !this.ids.includes(item.id)) this.ids.push(item.id);
  }
}

/** The list with a random filter, search, sort and page size, followed through up to three cursors. */
async function browseList(baseUrl: string, token: string, tally: Tally, known: KnownSessions): Promise<void> {
  const query = new URLSearchParams({
    sort: pick(sessionSorts),
    order: pick(["asc", "desc"]),
    limit: String(pick([20, 50, 100])),
  });
  const status = pick(statusFilters);
  const q = pick(searches);
  if (status) query.set("status", status);
  if (q) query.set("q", q);
  for (let pageNo = 0; pageNo < 3; pageNo++) {
    const page = await call<Page>(baseUrl, token, tally, {
      method: "GET",
      path: `/api/v1/sessions?${query}`,
      route: "/api/v1/sessions",
    });
    known.learn(page);
    if (!page?.nextCursor) return;
    query.set("cursor", page.nextCursor);
  }
}

const actions: ((baseUrl: string, token: string, tally: Tally, known: KnownSessions) => Promise<unknown>)[] = [
  browseList,
  browseList,
  (baseUrl, token, tally, known) =>
    call(baseUrl, token, tally, {
      method: "GET",
      path: `/api/v1/sessions/${known.any()}`,
      route: "/api/v1/sessions/{id}",
    }),
  (baseUrl, token, tally, known) =>
    call(baseUrl, token, tally, {
      method: "GET",
      path: `/api/v1/sessions/${known.any()}`,
      route: "/api/v1/sessions/{id}",
    }),
  (baseUrl, token, tally, known) =>
    call(baseUrl, token, tally, {
      method: "GET",
      path: `/api/v1/sessions/${known.any()}/events?limit=50`,
      route: "/api/v1/sessions/{id}/events",
    }),
  (baseUrl, token, tally) =>
    call(baseUrl, token, tally, { method: "GET", path: "/api/v1/overview", route: "/api/v1/overview" }),
];

/** `clients` concurrent API clients with a read token, each doing one random action, pausing `thinkMs`, until `running()` is false. */
export async function runApiClients(
  baseUrl: string,
  token: string,
  clients: number,
  thinkMs: number,
  known: KnownSessions,
  tally: Tally,
  running: () => boolean,
): Promise<void> {
  const client = async () => {
    while (running()) {
      await pick(actions)(baseUrl, token, tally, known);
      await sleep(thinkMs * (0.5 + Math.random()));
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
}
