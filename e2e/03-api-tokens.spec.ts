import type { Page } from "@playwright/test";
import { ensureFirstAdmin } from "./support/admin-cli";
import { apiClient, signInThroughPage } from "./support/auth";
import { confirmDialog } from "./support/console";
import { revealedBy, type SecretsWatch } from "./support/secrets-watch";
import { expect, test } from "./support/test";

/** Creates a token in /settings and reads it from the one-time notice. */
async function createToken(
  page: Page,
  secrets: SecretsWatch,
  name: string,
  scope: "read" | "admin",
  expires = "In 90 days",
): Promise<string> {
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Scope").selectOption(scope);
  await page.getByLabel("Expires").selectOption({ label: expires });
  await page.getByRole("button", { name: "Create token" }).click();
  const notice = page.getByRole("status").filter({ hasText: `Token “${name}” created` });
  await expect(notice).toBeVisible();
  const token = (await notice.locator("code").filter({ hasNotText: "Authorization" }).textContent())?.trim() ?? "";
  expect(token.length).toBeGreaterThanOrEqual(32);
  secrets.add(`API token "${name}"`, token, { revealedBy: revealedBy("POST", /^\/api\/v1\/tokens$/) });
  await notice.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
  return token;
}

async function callWithToken(
  secrets: SecretsWatch,
  token: string,
  method: "GET" | "POST",
  path: string,
  data?: unknown,
): Promise<{ status: number; body: unknown }> {
  const api = await apiClient({ token });
  try {
    const response = await api.fetch(path, { method, data });
    await secrets.record(response, method);
    return { status: response.status(), body: await response.json() };
  } finally {
    await api.dispose();
  }
}

test("an API token works with its scope, and stops working once revoked in /settings", async ({ page, secrets }) => {
  const admin = await ensureFirstAdmin();
  await signInThroughPage(page, admin);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "API tokens", exact: true })).toBeVisible();

  const adminToken = await createToken(page, secrets, "e2e admin automation", "admin");
  const readToken = await createToken(page, secrets, "e2e read-only dashboard", "read", "Never");
  const expiresColumn = await page.getByRole("columnheader").allTextContents();
  const expiresCell = (name: string) =>
    page
      .getByRole("row", { name: new RegExp(name) })
      .getByRole("cell")
      .nth(expiresColumn.indexOf("Expires"));
  await expect(expiresCell("e2e read-only dashboard")).toHaveText("Never");
  const inNinetyDays = await page.evaluate(() =>
    new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(Date.now() + 90 * 86_400_000),
  );
  await expect(expiresCell("e2e admin automation")).toContainText(inNinetyDays);

  const audit = await callWithToken(secrets, adminToken, "GET", "/api/v1/audit");
  expect(audit.status).toBe(200);
  const actions = (audit.body as { items: { action: string }[] }).items.map((item) => item.action);
  expect(actions).toContain("api_token.create");

  // A read-scope token is refused on admin routes, reads and mutations alike.
  expect((await callWithToken(secrets, readToken, "GET", "/api/v1/audit")).status).toBe(403);
  expect(
    (await callWithToken(secrets, readToken, "POST", "/api/v1/tokens", { name: "escalate", scope: "admin" })).status,
  ).toBe(403);
  // The list shows prefixes only (the watch checks no token comes back).
  expect((await callWithToken(secrets, adminToken, "GET", "/api/v1/tokens")).status).toBe(200);

  await page.getByRole("button", { name: "Revoke e2e admin automation" }).click();
  await confirmDialog(page, "Revoke “e2e admin automation”?", "Revoke");
  await expect(page.getByRole("row", { name: /e2e admin automation/ })).toHaveCount(0);

  const revoked = await callWithToken(secrets, adminToken, "GET", "/api/v1/audit");
  expect(revoked.status).toBe(401);
  expect(revoked.body).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
  // The other token is untouched, and a made-up one is refused like a revoked one.
  expect((await callWithToken(secrets, readToken, "GET", "/api/v1/audit")).status).toBe(403);
  expect((await callWithToken(secrets, `${adminToken.slice(0, -6)}abcdef`, "GET", "/api/v1/audit")).status).toBe(401);
});
