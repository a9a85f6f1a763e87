import { ensureFirstAdmin } from "./support/admin-cli";
import { signInThroughPage } from "./support/auth";
import { revealedBy } from "./support/secrets-watch";
import { expect, test } from "./support/test";

// Reads as "deploy-exe.png" once the override reverses the tail; the zero-width space hides a second name in one.
const hostile = "deploy-\u202Egnp.exe\u200B";
const shown = "deploy-\\u202Egnp.exe\\u200B";

test("a token name with a bidi override and a zero-width space is shown with both as escapes, in the list and the audit log", async ({
  page,
  secrets,
}) => {
  const admin = await ensureFirstAdmin();
  await signInThroughPage(page, admin);
  await page.goto("/settings");
  await page.getByLabel("Name", { exact: true }).fill(hostile);
  await page.getByLabel("Scope").selectOption("read");
  await page.getByRole("button", { name: "Create token" }).click();
  const notice = page.getByRole("status").filter({ hasText: `Token “${shown}” created` });
  await expect(notice).toBeVisible();
  const token = (await notice.locator("code").filter({ hasNotText: "Authorization" }).textContent())?.trim() ?? "";
  secrets.add("hostile-named token", token, { revealedBy: revealedBy("POST", /^\/api\/v1\/tokens$/) });
  await notice.getByRole("button", { name: "Done" }).click();

  const row = page.getByRole("row", { name: `Revoke ${shown}` });
  await expect(row).toBeVisible();
  const cell = row.locator("td").first();
  await expect(cell).toHaveText(shown);
  await expect(cell.locator("bdi [data-escaped]")).toHaveText(["\\u202E", "\\u200B"]);
  expect(await page.locator("main").innerText()).not.toMatch(/[\u202E\u200B]/);

  await page.goto("/audit");
  await page.getByLabel("Action").fill("api_token.create");
  await page.getByRole("button", { name: "Apply" }).click();
  const entry = page
    .getByRole("table", { name: "Audit log entries, newest first" })
    .locator("tbody tr")
    .filter({ hasText: shown });
  await expect(entry).toHaveCount(1);
  await expect(entry.locator("[data-escaped]")).toHaveText(["\\u202E", "\\u200B"]);
  expect(await page.locator("main").innerText()).not.toMatch(/[\u202E\u200B]/);
});
