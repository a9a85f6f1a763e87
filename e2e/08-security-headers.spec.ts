import { ensureFirstAdmin } from "./support/admin-cli";
import { apiClient, sessionCookieName, signInThroughPage } from "./support/auth";
import { routeInventory } from "./support/routes";
import { expect, test } from "./support/test";

const required: Record<string, RegExp> = {
  "content-security-policy": /frame-ancestors 'none'/,
  "strict-transport-security": /max-age=\d+/,
  "x-content-type-options": /^nosniff$/,
  "referrer-policy": /strict-origin-when-cross-origin/,
  "x-frame-options": /^DENY$/,
};

test("every page, route handler and unknown path of the production build carries the security headers", async () => {
  const paths = [...new Set(routeInventory().map((endpoint) => endpoint.urlPath)), "/no-such-page", "/api/v1/no-such-route", "/_next/static/no-such-asset.js"];
  const anonymous = await apiClient();
  const missing: string[] = [];
  for (const path of paths) {
    const response = await anonymous.get(path, { maxRedirects: 0 });
    for (const [header, pattern] of Object.entries(required)) {
      if (!pattern.test(response.headers()[header] ?? "")) missing.push(`${header} on ${path} (${response.status()})`);
    }
  }
  await anonymous.dispose();
  expect(paths.length).toBeGreaterThan(30);
  expect(missing).toEqual([]);
});

test("the sign-in cookie is __Host-, HttpOnly, Secure and SameSite=Lax, and signed-in pages are not cached", async ({ page }) => {
  await signInThroughPage(page, await ensureFirstAdmin());
  const cookie = (await page.context().cookies()).find((c) => c.name === sessionCookieName);
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
  expect(cookie?.domain).toBe("localhost");
  const response = await page.goto("/sessions");
  expect(response?.headers()["cache-control"]).toMatch(/no-store/);
  const api = await page.request.get("/api/v1/sessions");
  expect(api.headers()["cache-control"]).toMatch(/no-store/);
});
