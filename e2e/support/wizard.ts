import { expect, type Page } from "@playwright/test";

/** The add-account wizard at /accounts/new, driven through its labels as an admin would. */
export async function openWizard(page: Page): Promise<void> {
  await page.goto("/accounts/new");
  await expect(page.getByRole("heading", { name: "Add a Telegram account" })).toBeVisible();
}

export async function sendCodeTo(page: Page, phone: string): Promise<void> {
  await expect(page.getByRole("tab", { name: "Phone number" })).toHaveAttribute("aria-selected", "true");
  await page.getByLabel("Phone number").fill(phone);
  await page.getByRole("button", { name: "Send code" }).click();
}

export async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByLabel("Login code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function enterTwoStepPassword(page: Page, password: string): Promise<void> {
  await page.getByLabel("Two-step verification password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function expectAccountAdded(page: Page): Promise<void> {
  await expect(page.getByRole("status").filter({ hasText: "Account added" })).toBeVisible({ timeout: 20_000 });
}

/** The wizard's error box: a sentence for the admin, never Telegram's bare error code. */
export function loginError(page: Page) {
  return page.getByRole("alert").filter({ has: page.locator("p") });
}

/** A sandbox test number shown as the console masks it: +9996621234 → +9996••••34. */
export function maskedPhone(digits: string): string {
  return `+${digits.slice(0, 4)}${"•".repeat(digits.length - 6)}${digits.slice(-2)}`;
}
