import {
  apiClient,
  sessionCookieOf,
  signInThroughPage,
  signOutThroughSidebar,
  fillSignInForm,
  baseURL,
  sessionCookieName,
} from "./support/auth";
import { firstAdmin } from "./support/members";
import { setupTokenFromLog } from "./support/server-log";
import { expect, test } from "./support/test";

// The console starts on an empty database: this file creates the first admin, so it runs first and in order.
test.describe.configure({ mode: "serial" });

test("first-run setup takes the one-time token from the server log and refuses a wrong one", async ({
  page,
  secrets,
}) => {
  secrets.add("first admin's password", firstAdmin.password);

  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up the console" })).toBeVisible();

  await expect.poll(setupTokenFromLog, { message: "the setup token is printed in the server log" }).not.toBeNull();
  const token = setupTokenFromLog()!;
  secrets.add("setup token", token, { allowedInLog: true });

  const fillSetup = async (setupToken: string) => {
    await page.getByLabel("Setup token").fill(setupToken);
    await page.getByLabel("Admin email").fill(firstAdmin.email);
    await page.getByLabel("Password", { exact: true }).fill(firstAdmin.password);
    await page.getByLabel("Repeat the password").fill(firstAdmin.password);
    await page.getByRole("button", { name: "Create the first admin" }).click();
  };

  await fillSetup(`${token.slice(0, -4)}AAAA`);
  await expect(page.getByText("This setup token is not valid. Copy it again from the server log.")).toBeVisible();
  await expect(page).toHaveURL(/\/setup$/);

  await fillSetup(token);
  await expect(page).toHaveURL(/\/login\?notice=setup-done$/);
  await expect(page.getByText("The console is set up. Sign in with the admin account you just created.")).toBeVisible();

  // Setup exists only until the first admin does.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/login$/);
});

test("a wrong password gets one sentence and no way in", async ({ page }) => {
  await fillSignInForm(page, { email: firstAdmin.email, password: "not-the-right-password" });
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  expect((await page.context().cookies(baseURL)).map((c) => c.name)).not.toContain(sessionCookieName);
});

test("sign-in and sign-out; the cookie saved before sign-out is refused afterwards", async ({
  page,
  context,
  secrets,
}) => {
  await signInThroughPage(page, firstAdmin);
  await expect(page).toHaveURL(/\/sessions$/);
  await expect(page.getByRole("complementary").getByText(firstAdmin.email)).toBeVisible();

  const savedCookie = await sessionCookieOf(page);
  const savedBrowserCookies = await context.cookies(baseURL);
  const replay = await apiClient({ cookie: savedCookie });
  const before = await replay.get("/api/v1/audit");
  await secrets.record(before, "GET");
  expect(before.status(), "the cookie works while signed in").toBe(200);

  await signOutThroughSidebar(page);

  const after = await replay.get("/api/v1/audit");
  await secrets.record(after, "GET");
  expect(after.status()).toBe(401);
  expect(await after.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
  await replay.dispose();

  // Put back into the browser, the old cookie opens no page either.
  await context.addCookies(savedBrowserCookies);
  expect((await context.cookies(baseURL)).map((c) => c.name)).toContain(sessionCookieName);
  await page.goto("/sessions");
  await expect(page).toHaveURL(/\/login/);
});
