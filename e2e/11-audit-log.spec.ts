import { createMemberWithCli, ensureFirstAdmin } from "./support/admin-cli";
import { fillSignInForm, signInThroughPage } from "./support/auth";
import { freshMember } from "./support/members";
import { expect, test } from "./support/test";

test("the audit page offers the sign-in actions as filters and finds a member's sign-ins and the CLI's acts", async ({
  page,
  browser,
  secrets,
}) => {
  const admin = await ensureFirstAdmin();
  const member = await createMemberWithCli(freshMember("audited", "viewer"));
  secrets.add("member's password", member.password);

  // From an address of its own (as a reverse proxy would pass it), so this failure counts against no other spec.
  const memberContext = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.77" } });
  secrets.watch(memberContext);
  const memberPage = await memberContext.newPage();
  await fillSignInForm(memberPage, { email: member.email, password: "not-the-right-password" });
  await expect(memberPage.getByText("Email or password is incorrect.")).toBeVisible();
  await signInThroughPage(memberPage, member);
  await expect(memberPage).not.toHaveURL(/\/login/);
  await memberContext.close();

  await signInThroughPage(page, admin);
  await page.goto("/audit");
  const suggestions = await page
    .locator("#audit-actions option")
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(suggestions).toEqual(
    expect.arrayContaining(["auth.sign_in", "auth.sign_out", "auth.setup", "auth.password_change", "keys.rotate"]),
  );

  const filter = async (actor: string, action: string) => {
    await page.getByLabel("Actor").fill(actor);
    await page.getByLabel("Action").fill(action);
    await page.getByRole("button", { name: "Apply" }).click();
  };
  const rows = page.getByRole("table", { name: "Audit log entries, newest first" }).locator("tbody tr");

  await filter(member.email, "auth.sign_in");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("success");
  await expect(rows.nth(1)).toContainText("failure");
  await expect(rows.nth(1)).toContainText("reason: wrong_password");
  await expect(rows.nth(0)).toContainText("198.51.100.77");

  await filter("cli", "team_member.create");
  await expect(page.getByRole("row", { name: new RegExp(member.email) })).toContainText("success");
});
