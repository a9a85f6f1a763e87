import { request, type APIResponse } from "@playwright/test";
import { ensureFirstAdmin } from "./support/admin-cli";
import { apiClient, sessionCookieName, signInThroughPage } from "./support/auth";
import { routeInventory } from "./support/routes";
import { startServerBehindFaultProxy } from "./support/server-behind-fault-proxy";
import { recordSetCookies } from "./support/set-cookies";
import { expect, test } from "./support/test";

const required: Record<string, RegExp> = {
  "content-security-policy": /frame-ancestors 'none'/,
  "strict-transport-security": /max-age=\d+/,
  "x-content-type-options": /^nosniff$/,
  "referrer-policy": /strict-origin-when-cross-origin/,
  "x-frame-options": /^DENY$/,
};

/** The required headers a response lacks (or carries with a wrong value), each named with where it was missed. */
function missingHeaders(response: APIResponse, path: string): string[] {
  return Object.entries(required)
    .filter(([header, pattern]) => !pattern.test(response.headers()[header] ?? ""))
    .map(([header]) => `${header} on ${path} (${response.status()})`);
}

/** What an error page must not show: a stack frame, a source path, SQL, or the database's own words. */
const internals = [
  /\bat (async )?[\w$.<>]+ \(|:\d+:\d+\)/,
  /node_modules|\/work\/|\.next[\w-]*\/server/,
  /\bselect\b[^<]*\bfrom\b/i,
  /Failed query|Connection terminated|ECONNREFUSED|ECONNRESET/i,
];

test("every page, route handler and unknown path of the production build carries the security headers", async () => {
  const paths = [
    ...new Set(routeInventory().map((endpoint) => endpoint.urlPath)),
    "/no-such-page",
    "/api/v1/no-such-route",
    "/_next/static/no-such-asset.js",
  ];
  const anonymous = await apiClient();
  const missing: string[] = [];
  for (const path of paths) missing.push(...missingHeaders(await anonymous.get(path, { maxRedirects: 0 }), path));
  await anonymous.dispose();
  expect(paths.length).toBeGreaterThan(30);
  expect(missing).toEqual([]);
});

test("every page gets a fresh script nonce, no 'unsafe-inline', and runs its scripts without a CSP violation", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|CSP violation/i.test(message.text()))
      violations.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    ),
  );
  await signInThroughPage(page, await ensureFirstAdmin());
  const paths = [
    ...new Set(routeInventory().flatMap((endpoint) => (endpoint.kind === "page" ? [endpoint.urlPath] : []))),
    "/no-such-page",
  ];
  const nonces: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    const scriptSrc = /script-src ([^;]*)/.exec(response?.headers()["content-security-policy"] ?? "")?.[1] ?? "";
    expect(scriptSrc, path).not.toContain("'unsafe-inline'");
    expect(scriptSrc, path).toContain("'strict-dynamic'");
    nonces.push(/'nonce-([^']+)'/.exec(scriptSrc)?.[1] ?? `none on ${path}`);
    // The client runtime started: its scripts carried the nonce.
    await expect.poll(() => page.evaluate(() => "next" in window), path).toBe(true);
  }
  expect(paths.length).toBeGreaterThan(10);
  expect(new Set(nonces).size).toBe(paths.length);
  expect(violations).toEqual([]);
});

test("a page whose database went away answers 500 with the security headers and no stack trace or SQL", async () => {
  await ensureFirstAdmin();
  const server = await startServerBehindFaultProxy();
  const client = await request.newContext({ baseURL: server.baseURL, maxRedirects: 0 });
  try {
    // The sign-in page asks the database whether an admin exists: fine while it is there.
    expect((await client.get("/login")).status(), "/login with the database there").toBe(200);
    server.proxy.setDown(true);
    const failed = await client.get("/login");
    expect(failed.status(), "/login with the database gone").toBe(500);
    const health = await client.get("/api/healthz");
    expect(health.status(), "readiness with the database gone").toBe(503);
    expect([...missingHeaders(failed, "/login"), ...missingHeaders(health, "/api/healthz")]).toEqual([]);
    const body = await failed.text();
    expect(body).toContain('id="__next_error__"');
    expect(internals.filter((pattern) => pattern.test(body)).map(String), "internals in the 500 page").toEqual([]);
    // The failure's details went to the server log instead, under the digest the page shows; the same patterns find them there.
    await expect.poll(() => /digest: '(\d+)'/.exec(server.log())?.[1], "the logged failure's digest").toMatch(/^\d+$/);
    expect(body).toContain(/digest: '(\d+)'/.exec(server.log())![1]);
    expect(
      internals.filter((pattern) => !pattern.test(server.log())).map(String),
      "internals in the server log",
    ).toEqual([]);
    // …but never the failed statement's parameters, which Drizzle writes into its message (lib/log/console-guard.ts).
    expect(server.log()).toMatch(/Failed query: select/);
    expect(server.log()).not.toMatch(/^params: /m);
  } finally {
    await client.dispose();
    await server.stop();
  }
});

/** What one sign-in sets: the session (ours), Auth.js's CSRF double-submit cookie and its callback-URL cookie. */
const signInCookies = [sessionCookieName, "__Host-authjs.csrf-token", "__Host-authjs.callback-url"];

test("every cookie a sign-in sets is HttpOnly, Secure, SameSite=Lax, Path=/ and host-only, and signed-in pages are not cached", async ({
  page,
}) => {
  const setCookies = recordSetCookies(page);
  await signInThroughPage(page, await ensureFirstAdmin());
  await expect
    .poll(() => signInCookies.filter((name) => !setCookies.some((cookie) => cookie.name === name)), "cookies not set")
    .toEqual([]);
  for (const cookie of setCookies) {
    const label = `${cookie.name} from ${cookie.from}`;
    expect(cookie.attributes, label).toMatchObject({
      path: "/",
      httponly: "",
      secure: "",
      samesite: expect.stringMatching(/^lax$/i),
    });
    expect(cookie.attributes, label).not.toHaveProperty("domain");
    expect(cookie.name, label).toMatch(/^__Host-/);
  }
  const stored = (await page.context().cookies()).find((c) => c.name === sessionCookieName);
  expect(stored).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/", domain: "localhost" });
  const response = await page.goto("/sessions");
  expect(response?.headers()["cache-control"]).toMatch(/no-store/);
  const api = await page.request.get("/api/v1/sessions", { headers: { "accept-encoding": "gzip, br" } });
  expect(api.headers()["cache-control"]).toMatch(/no-store/);
  // Compression is the TLS proxy's job unless HTTP_COMPRESSION=on.
  expect(api.headers()["content-encoding"]).toBeUndefined();
});
