import { expect, type Page } from "@playwright/test";

/** The pages and sidebar links only admins may open. */
export const adminPages = [
  { path: "/accounts/new", nav: "Add account" },
  { path: "/accounts/import", nav: "Import sessions" },
  { path: "/audit", nav: "Audit" },
  { path: "/team", nav: "Team" },
  { path: "/settings", nav: "Settings" },
] as const;

export function mainNav(page: Page) {
  return page.getByRole("navigation", { name: "Main" });
}

/** Opens a page and checks the console refused it with its 403 page (status and words). */
export async function expectForbiddenPage(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `${path} status`).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
}

/** Confirms the open confirmation dialog with its action button, and waits for it to close. */
export async function confirmDialog(page: Page, title: string | RegExp, action: string): Promise<void> {
  const dialog = page.getByRole("dialog", { name: title });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: action, exact: true }).click();
  await expect(dialog).toBeHidden();
}
