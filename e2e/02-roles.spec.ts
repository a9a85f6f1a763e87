import type { Page } from "@playwright/test";
import { ensureFirstAdmin } from "./support/admin-cli";
import { apiClient, sessionCookieOf, signInThroughPage } from "./support/auth";
import { adminPages, expectForbiddenPage, mainNav } from "./support/console";
import { freshEmail, freshPassword } from "./support/members";
import { revealedBy } from "./support/secrets-watch";
import { expect, test } from "./support/test";

/** Adds a member on the team page and reads the temporary password from its one-time notice. */
async function addMemberOnTeamPage(page: Page, email: string): Promise<string> {
  await page.goto("/team");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByRole("button", { name: "Add member" }).click();
  const notice = page.getByRole("status").filter({ hasText: `${email} was added` });
  await expect(notice).toBeVisible();
  const temporary = (await notice.locator("code").textContent())?.trim() ?? "";
  expect(temporary.length).toBeGreaterThanOrEqual(12);
  await expect(page.getByRole("row", { name: new RegExp(email) })).toContainText("Temporary password");
  return temporary;
}

test("a viewer added on the team page must choose a password, then sees no admin page, link or route", async ({
  page,
  browser,
  secrets,
}) => {
  const admin = await ensureFirstAdmin();
  const email = freshEmail("viewer");
  const ownPassword = freshPassword();
  secrets.add("viewer's own password", ownPassword);

  await signInThroughPage(page, admin);
  const temporary = await addMemberOnTeamPage(page, email);
  secrets.add("temporary password", temporary, { revealedBy: revealedBy("POST", /^\/api\/v1\/team\/members$/) });
  // Shown once: a reload of the team page does not bring it back.
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(email) })).toBeVisible();
  await expect(page.getByText(temporary)).toHaveCount(0);

  const viewerContext = await browser.newContext();
  secrets.watch(viewerContext);
  const viewer = await viewerContext.newPage();

  // First sign-in with the temporary password leads only to the change-password page.
  await signInThroughPage(viewer, { email, password: temporary });
  await expect(viewer).toHaveURL(/\/change-password$/);
  await expect(viewer.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await viewer.goto("/sessions");
  await expect(viewer).toHaveURL(/\/change-password$/);
  await viewer.getByLabel("Current password").fill(temporary);
  await viewer.getByLabel("New password", { exact: true }).fill(ownPassword);
  await viewer.getByLabel("Repeat the new password").fill(ownPassword);
  await viewer.getByRole("button", { name: "Change password" }).click();
  await expect(viewer).toHaveURL(/\/login\?notice=password-changed$/);
  await expect(viewer.getByText("Your password was changed. Sign in with the new one.")).toBeVisible();

  await signInThroughPage(viewer, { email, password: ownPassword });
  await expect(viewer).toHaveURL(/\/sessions$/);

  // No admin links in the sidebar…
  await expect(mainNav(viewer).getByRole("link", { name: "Sessions" })).toBeVisible();
  for (const { nav } of adminPages) await expect(mainNav(viewer).getByRole("link", { name: nav })).toHaveCount(0);
  // …and typing the address gets the 403 page.
  for (const { path } of adminPages) await expectForbiddenPage(viewer, path);

  // The API refuses too, with 403 (signed in, but not allowed).
  const api = await apiClient({ cookie: await sessionCookieOf(viewer) });
  const calls = [
    ["GET", "/api/v1/team/members", undefined],
    ["POST", "/api/v1/team/members", { email: freshEmail("sneaky"), role: "admin" }],
    ["GET", "/api/v1/audit", undefined],
    ["POST", "/api/v1/tokens", { name: "viewer's token", scope: "read" }],
    ["POST", "/api/v1/telegram/logins", { phone: "+9996621111" }],
  ] as const;
  for (const [method, path, data] of calls) {
    const response = await api.fetch(path, { method, data });
    await secrets.record(response, method);
    expect(response.status(), `${method} ${path} as a viewer`).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  }
  await api.dispose();
  await viewerContext.close();
});
