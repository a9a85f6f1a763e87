import { createMemberWithCli, ensureFirstAdmin } from "./support/admin-cli";
import { apiClient, fillSignInForm, sessionCookieOf, signInThroughPage } from "./support/auth";
import { confirmDialog, expectForbiddenPage } from "./support/console";
import { freshMember } from "./support/members";
import type { Browser } from "@playwright/test";
import type { SecretsWatch } from "./support/secrets-watch";
import { expect, test } from "./support/test";

/**
 * A new member (`role` admin, so their API calls succeed before a change and the change reads as 401, not 403)
 * signed in through the page in a browser of their own, with an API client on their session cookie.
 */
async function memberSignedInElsewhere(browser: Browser, secrets: SecretsWatch, label: string) {
  const member = await createMemberWithCli(freshMember(label, "admin"));
  secrets.add("member's password", member.password);
  const memberContext = await browser.newContext();
  secrets.watch(memberContext);
  const memberPage = await memberContext.newPage();
  await signInThroughPage(memberPage, member);
  const api = await apiClient({ cookie: await sessionCookieOf(memberPage) });
  return { member, memberContext, memberPage, api };
}

test("a member disabled on the team page is signed out on their next request", async ({ page, browser, secrets }) => {
  const admin = await ensureFirstAdmin();
  const { member, memberContext, memberPage, api } = await memberSignedInElsewhere(browser, secrets, "disabled");
  await expect(memberPage).toHaveURL(/\/sessions$/);
  expect((await api.get("/api/v1/audit")).status(), "the member's cookie works before").toBe(200);

  await signInThroughPage(page, admin);
  await page.goto("/team");
  const row = page.getByRole("row", { name: new RegExp(member.email) });
  await row.getByRole("button", { name: `Disable ${member.email}` }).click();
  await confirmDialog(page, `Disable ${member.email}?`, "Disable");
  await expect(row).toContainText("Disabled");

  // Their open browser is sent to sign in on the very next navigation; their cookie no longer opens the API.
  await memberPage.goto("/sessions");
  await expect(memberPage).toHaveURL(/\/login/);
  const after = await api.get("/api/v1/audit");
  await secrets.record(after, "GET");
  expect(after.status()).toBe(401);
  await api.dispose();

  // Nor can they sign in again, and the refusal does not say why (no account enumeration).
  await fillSignInForm(memberPage, member);
  await expect(memberPage.getByText("Email or password is incorrect.")).toBeVisible();
  await expect(memberPage).toHaveURL(/\/login/);
  await memberContext.close();
});

test("an admin made a viewer loses admin power on their next request", async ({ page, browser, secrets }) => {
  const admin = await ensureFirstAdmin();
  const { member, memberContext, memberPage, api } = await memberSignedInElsewhere(browser, secrets, "demoted");
  await memberPage.goto("/team");
  await expect(memberPage.getByRole("heading", { name: "Team", exact: true })).toBeVisible();
  expect((await api.get("/api/v1/team/members")).status(), "an admin's cookie opens admin routes").toBe(200);

  await signInThroughPage(page, admin);
  await page.goto("/team");
  const row = page.getByRole("row", { name: new RegExp(member.email) });
  await row.getByRole("button", { name: `Make viewer: ${member.email}` }).click();
  await confirmDialog(page, `Make ${member.email} a viewer?`, "Make viewer");
  await expect(row).toContainText("viewer");

  // The role change ends their sessions: the saved cookie stops working at once…
  const after = await api.get("/api/v1/team/members");
  await secrets.record(after, "GET");
  expect(after.status()).toBe(401);
  await api.dispose();
  await memberPage.goto("/team");
  await expect(memberPage).toHaveURL(/\/login/);
  // …and signed in again they are a viewer.
  await signInThroughPage(memberPage, member);
  await expectForbiddenPage(memberPage, "/team");
  await memberContext.close();
});

test("an admin ends every sign-in of a member from the team page, by keyboard, and the member stays enabled", async ({
  page,
  browser,
  secrets,
}) => {
  const admin = await ensureFirstAdmin();
  const { member, memberContext, memberPage, api } = await memberSignedInElsewhere(browser, secrets, "signed-out");
  await expect(memberPage).toHaveURL(/\/sessions$/);
  expect((await api.get("/api/v1/audit")).status(), "the member's cookie works before").toBe(200);

  await signInThroughPage(page, admin);
  await page.goto("/team");
  const row = page.getByRole("row", { name: new RegExp(member.email) });
  const endButton = row.getByRole("button", { name: `End sign-ins of ${member.email}` });
  await endButton.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: `End every sign-in of ${member.email}?` });
  await expect(dialog).toBeVisible();
  // Focus starts on Cancel: Escape leaves everything as it was.
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect((await api.get("/api/v1/audit")).status(), "cancelled: the cookie still works").toBe(200);

  await endButton.focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "End sign-ins", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole("status").filter({ hasText: `Every sign-in of ${member.email} was ended.` }),
  ).toBeVisible();
  await expect(row).not.toContainText("Disabled");

  // Their browser is sent to sign in; their old cookie opens nothing; they can sign in again at once.
  await memberPage.goto("/sessions");
  await expect(memberPage).toHaveURL(/\/login/);
  const after = await api.get("/api/v1/audit");
  await secrets.record(after, "GET");
  expect(after.status()).toBe(401);
  await api.dispose();
  await signInThroughPage(memberPage, member);
  await expect(memberPage).toHaveURL(/\/sessions$/);
  await memberContext.close();

  await page.goto("/audit");
  await page.getByLabel("Action").fill("team_member.end_sign_ins");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(
    page.getByRole("table", { name: "Audit log entries, newest first" }).locator("tbody tr").filter({
      hasText: member.email,
    }),
  ).toContainText("success");
});
