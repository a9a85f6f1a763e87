import { createMemberWithCli, ensureFirstAdmin } from "./support/admin-cli";
import { signInThroughPage } from "./support/auth";
import { confirmDialog } from "./support/console";
import { freshMember } from "./support/members";
import { authorizationsOf } from "./support/sandbox";
import { expect, test } from "./support/test";
import { enterCode, expectAccountAdded, openWizard, sendCodeTo } from "./support/wizard";

const account = { phone: "9996628413", typed: "+9996628413", name: "Test 8413" };

test("an admin rotates and then revokes a session through the confirmations; a viewer sees no such buttons", async ({
  page,
  browser,
}) => {
  await signInThroughPage(page, await ensureFirstAdmin());
  await openWizard(page);
  await sendCodeTo(page, account.typed);
  await enterCode(page, "22222");
  await expectAccountAdded(page);

  const listed = await page.request.get(`/api/v1/sessions?q=${encodeURIComponent(account.name)}`);
  const [session] = ((await listed.json()) as { items: { id: string }[] }).items;
  expect(session, "the new session is listed").toBeDefined();
  await page.goto(`/sessions/${session?.id}`);
  await expect(page.getByRole("heading", { name: "Manage this session" })).toBeVisible();

  await page.getByRole("button", { name: "Rotate session" }).click();
  await confirmDialog(page, `Rotate the session of ${account.name}?`, "Rotate");
  await expect(page.getByText("Rotated: a new session replaces this one, and the old key is logged out.")).toBeVisible({
    timeout: 20_000,
  });
  await expect
    .poll(async () => (await authorizationsOf(account.phone)).map((a) => a.state).sort())
    .toEqual(["active", "logged_out"]);

  await page.getByRole("link", { name: "Open the new session" }).click();
  await expect(page).not.toHaveURL(new RegExp(session?.id ?? "-"));
  const rotatedUrl = page.url();
  await page.getByRole("button", { name: "Revoke session" }).click();
  await confirmDialog(page, `Revoke the session of ${account.name}?`, "Revoke");
  await expect(page.getByText("The session is revoked and its key destroyed.")).toBeVisible({ timeout: 20_000 });
  await expect
    .poll(async () => (await authorizationsOf(account.phone)).filter((a) => a.state === "active"))
    .toHaveLength(0);

  const viewer = await createMemberWithCli(freshMember("rotation-viewer", "viewer"));
  const viewerPage = await (await browser.newContext()).newPage();
  await signInThroughPage(viewerPage, viewer);
  await viewerPage.goto(rotatedUrl);
  await expect(viewerPage.getByText(account.name).first()).toBeVisible();
  await expect(viewerPage.getByRole("heading", { name: "Manage this session" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: /Rotate session|Revoke session/ })).toHaveCount(0);
  const refused = await viewerPage.request.post(`/api/v1/sessions/${session?.id}/revoke`, {
    headers: { origin: new URL(rotatedUrl).origin },
  });
  expect(refused.status()).toBe(403);
});
