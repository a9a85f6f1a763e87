import { createMemberWithCli, ensureFirstAdmin } from "./support/admin-cli";
import { apiClient, baseURL, sessionCookieThroughApi } from "./support/auth";
import { forgedCookies } from "./support/forged-cookies";
import { freshMember } from "./support/members";
import { routeInventory, type Endpoint } from "./support/routes";
import { expect, test } from "./support/test";

/** Headers that once made Next.js skip its middleware (CVE-2025-29927) and variants for Next 16's proxy. */
const subrequestValues = [
  "middleware",
  "src/middleware",
  "middleware:middleware:middleware:middleware:middleware",
  "proxy:proxy:proxy:proxy:proxy",
];

type Mode = { name: string; headers: Record<string, string>; signedInViewer: boolean };
type Result = { endpoint: Endpoint; mode: string; status: number; unauthorised: boolean };

test("route inventory: no page or route handler answers 2xx to a caller it should refuse", async ({ secrets }) => {
  test.setTimeout(120_000);
  const endpoints = routeInventory();
  const urls = new Set(endpoints.map((e) => e.urlPath));
  // Sanity: the inventory reads the app, not a stale list.
  expect(urls).toContain("/api/v1/team/members");
  expect(urls).toContain("/sessions");
  expect(urls).toContain("/api/v1/tokens");
  expect(endpoints.length).toBeGreaterThanOrEqual(25);

  const admin = await ensureFirstAdmin();
  const viewer = await createMemberWithCli(freshMember("inventory-viewer", "viewer"));
  secrets.add("viewer's password", viewer.password);
  const adminCookie = await sessionCookieThroughApi(admin);
  const adminApi = await apiClient({ cookie: adminCookie });
  const members = (await (await adminApi.get("/api/v1/team/members")).json()) as {
    items: { id: string; email: string }[];
  };
  const adminId = members.items.find((m) => m.email === admin.email)?.id;
  // A real session (05-add-account made some), so refusals on per-session routes guard a real target.
  const sessions = (await (await adminApi.get("/api/v1/sessions?limit=1")).json()) as { items?: { id: string }[] };
  await adminApi.dispose();
  const sessionId = sessions.items?.[0]?.id;
  const sessionPath = /(\/sessions\/)00000000-0000-4000-8000-000000000000/;
  if (sessionId) {
    // Each per-session route is called twice: with an id that matches nothing and with the real one.
    endpoints.push(
      ...endpoints
        .filter((e) => sessionPath.test(e.urlPath))
        .map((e) => ({ ...e, urlPath: e.urlPath.replace(sessionPath, `$1${sessionId}`) })),
    );
  }
  const forged = await forgedCookies(adminId);

  const modes: Mode[] = [
    { name: "anonymous", headers: {}, signedInViewer: false },
    { name: "forged JWE", headers: { Cookie: forged.jwe }, signedInViewer: false },
    { name: "forged alg:none", headers: { Cookie: forged.none }, signedInViewer: false },
    { name: "viewer", headers: { Cookie: await sessionCookieThroughApi(viewer) }, signedInViewer: true },
    ...subrequestValues.map((value) => ({
      name: `x-middleware-subrequest: ${value}`,
      headers: { "x-middleware-subrequest": value },
      signedInViewer: false,
    })),
  ];

  const results: Result[] = [];
  for (const mode of modes) {
    // Same-origin Origin on every call, so a refusal is the guard's and never only the CSRF check's.
    const api = await apiClient({ headers: { ...mode.headers, Origin: baseURL } });
    for (const endpoint of endpoints) {
      const withBody = !["GET", "HEAD", "DELETE", "OPTIONS"].includes(endpoint.method);
      const response = await api.fetch(endpoint.urlPath, {
        method: endpoint.method,
        data: withBody ? {} : undefined,
        maxRedirects: 0,
      });
      await secrets.record(response, endpoint.method);
      const status = response.status();
      const ok = status >= 200 && status < 300;
      const allowed = endpoint.access === "public" || (mode.signedInViewer && endpoint.access === "viewer");
      results.push({ endpoint, mode: mode.name, status, unauthorised: ok && !allowed });
    }
    await api.dispose();
  }

  printSummary(endpoints, modes, results, sessionId);
  const viewerSessions = results.find(
    (r) => r.mode === "viewer" && r.endpoint.kind === "page" && r.endpoint.urlPath === "/sessions",
  );
  expect(
    viewerSessions?.status,
    "the viewer's cookie is a working sign-in (else the viewer column proves nothing)",
  ).toBe(200);
  const serverErrors = results.filter((r) => r.status >= 500).map(describe);
  expect.soft(serverErrors, "nothing a caller sends causes a 5xx").toEqual([]);
  expect(results.filter((r) => r.unauthorised).map(describe), "unauthorised 2xx").toEqual([]);
});

function describe(r: Result): string {
  return `${r.endpoint.method} ${r.endpoint.urlPath} [${r.mode}] → ${r.status}`;
}

function printSummary(endpoints: Endpoint[], modes: Mode[], results: Result[], sessionId: string | undefined): void {
  const columns = ["anon", "jwe", "none", "viewer", ...subrequestValues.map((_, i) => `subreq${i + 1}`)];
  const header = `${"method".padEnd(7)}${"path".padEnd(58)}${"access".padEnd(8)}${columns.map((c) => c.padStart(8)).join("")}`;
  const rows = endpoints.map((endpoint) => {
    const cells = modes.map((mode) => {
      const result = results.find((r) => r.endpoint === endpoint && r.mode === mode.name)!;
      return `${result.unauthorised ? "!" : ""}${result.status}`.padStart(8);
    });
    const shortPath = endpoint.urlPath
      .replaceAll("00000000-0000-4000-8000-000000000000", ":id")
      .replaceAll(sessionId ?? ":id", ":session");
    return `${endpoint.method.padEnd(7)}${shortPath.padEnd(58)}${endpoint.access.padEnd(8)}${cells.join("")}`;
  });
  const unauthorised = results.filter((r) => r.unauthorised).length;
  const legend = modes.map((mode, i) => `${columns[i]} = ${mode.name}`).join("; ");
  const summary = [
    `Route inventory: ${endpoints.length} endpoints (${endpoints.filter((e) => e.kind === "page").length} pages, ${endpoints.filter((e) => e.kind === "api").length} handler methods) × ${modes.length} modes = ${results.length} calls; unauthorised 2xx: ${unauthorised}`,
    header,
    ...rows,
    legend,
    `:id = a well-formed id that matches nothing; :session = ${sessionId ? "a real session" : "(no session existed)"}; ! marks an unauthorised 2xx`,
  ].join("\n");
  console.log(summary);
  void test.info().attach("route-inventory.txt", { body: summary, contentType: "text/plain" });
}
