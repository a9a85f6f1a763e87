import type { Request } from "@playwright/test";
import { ensureFirstAdmin } from "./support/admin-cli";
import { signInThroughPage } from "./support/auth";
import {
  acceptLoginToken,
  addSandboxFault,
  addSandboxTransportFault,
  authorizationsOf,
  clearSandboxFaults,
  createSandboxAccount,
} from "./support/sandbox";
import { expect, test } from "./support/test";
import {
  enterCode,
  enterTwoStepPassword,
  expectAccountAdded,
  loginError,
  maskedPhone,
  openWizard,
  sendCodeTo,
} from "./support/wizard";

// The sandbox DC and the database are new for every run, so these test numbers are fresh (99966XYYYY: DC X, code X×5).
const newAccount = { phone: "9996624821", typed: "+99966 2 4821", name: "Test 4821" };
const twoStepDemo = { phone: "9996622222", typed: "+9996622222", name: "Demo Two-Factor", password: "sandbox-2fa" };
const wrongCodeAccount = { phone: "9996625307", typed: "+9996625307", name: "Test 5307" };
const floodAccount = { phone: "9996626159", typed: "+9996626159" };
const qrDemo = { phone: "9996621111", name: "Demo Support" };
const qrOnDc1 = { phone: "9996613907", firstName: "Dc One", password: "dc1-2fa", hint: "dc one" };
const consoleDevice = "Telegram Session Console";

test.beforeEach(async ({ page, secrets }) => {
  // Accounts are shown by masked number; the number itself is stored encrypted and never sent back.
  for (const account of [newAccount, twoStepDemo, wrongCodeAccount, floodAccount, qrDemo, qrOnDc1]) {
    secrets.add(`phone number ${account.phone}`, account.phone, { allowedInLog: true });
  }
  await signInThroughPage(page, await ensureFirstAdmin());
});

test("an admin adds a fresh +99966 2 XXXX account with code 22222", async ({ page }) => {
  await openWizard(page);
  await expect(page.getByText("Sandbox mode: these are not real Telegram accounts")).toBeVisible();
  await sendCodeTo(page, newAccount.typed);
  await expect(page.getByText(`Telegram sent a 5-digit code to ${maskedPhone(newAccount.phone)}`)).toBeVisible();
  await enterCode(page, "22222");
  await expectAccountAdded(page);

  // The console really logged in at "Telegram": the account's owner sees a new device.
  const devices = await authorizationsOf(newAccount.phone);
  expect(devices.map((d) => d.device.model)).toContain(consoleDevice);
});

test("an admin adds the two-step demo account: the password step shows its hint", async ({ page, secrets }) => {
  secrets.add("two-step password", twoStepDemo.password);
  await openWizard(page);
  await sendCodeTo(page, twoStepDemo.typed);
  await enterCode(page, "22222");
  await expect(page.getByText("This account has two-step verification.")).toBeVisible();
  await expect(page.getByText("Hint: printed by npm run sandbox")).toBeVisible();

  await enterTwoStepPassword(page, "not-the-password");
  await expect(loginError(page)).toContainText("That two-step verification password is not right.");
  await enterTwoStepPassword(page, twoStepDemo.password);
  await expectAccountAdded(page);
});

test("a wrong code gets a sentence, not an error code, and the right one still works", async ({ page }) => {
  await openWizard(page);
  const started = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/v1/telegram/logins",
  );
  await sendCodeTo(page, wrongCodeAccount.typed);
  const { id } = (await (await started).json()) as { id: string };
  await expect(page.getByText("5 tries left.")).toBeVisible();
  await enterCode(page, "11111");
  await expect(loginError(page)).toContainText(
    "That code is not right. Check the latest message from Telegram and try again.",
  );
  await expect(page.getByText(/PHONE_CODE_INVALID|telegram_refused/)).toHaveCount(0);
  // The console counted the try…
  const flow = await page.request.get(`/api/v1/telegram/logins/${id}`);
  expect(((await flow.json()) as { attemptsLeft: number }).attemptsLeft).toBe(4);
  // …and the page says so.
  await expect(page.getByText("4 tries left.")).toBeVisible();
  await enterCode(page, "22222");
  await expectAccountAdded(page);
});

test("a FLOOD_WAIT from Telegram is shown with a countdown", async ({ page }) => {
  await addSandboxFault({
    method: "auth.sendCode",
    error: "FLOOD_WAIT_45",
    code: 420,
    phone: floodAccount.phone,
    times: 1,
  });
  await openWizard(page);
  await sendCodeTo(page, floodAccount.typed);
  const error = loginError(page);
  await expect(error).toContainText("Telegram asks to wait 45 seconds before trying again.");
  await expect(error).toContainText(/You can try again in \d+ s\./);
  const first = Number((await error.textContent())?.match(/try again in (\d+) s/)?.[1]);
  await expect
    .poll(async () => Number((await error.textContent())?.match(/try again in (\d+) s/)?.[1]), {
      message: "the countdown ticks",
    })
    .toBeLessThan(first);
});

test("QR login: the code accepted from the account's phone adds the account", async ({ page }) => {
  let latestQrUrl: string | null = null;
  page.on("response", async (response) => {
    if (
      response.request().method() !== "POST" ||
      !/\/api\/v1\/telegram\/logins\/(qr|[^/]+\/qr)$/.test(new URL(response.url()).pathname)
    )
      return;
    const body = (await response.json().catch(() => null)) as { qr?: { url: string } } | null;
    if (body?.qr?.url) latestQrUrl = body.qr.url;
  });
  await openWizard(page);
  await page.getByRole("tab", { name: "QR code" }).click();
  const started = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/v1/telegram/logins/qr",
  );
  await page.getByRole("button", { name: "Show a QR code" }).click();
  expect((await started).status()).toBe(201);
  await expect(page.getByRole("img", { name: "QR code to scan with the Telegram app" })).toBeVisible();
  await expect.poll(() => latestQrUrl).toMatch(/^tg:\/\/login\?token=/);

  await acceptLoginToken(qrDemo.phone, latestQrUrl!);
  await expectAccountAdded(page);
  expect((await authorizationsOf(qrDemo.phone)).map((d) => d.device.model)).toContain(consoleDevice);

  // The same account again, by phone: a second session beside the first, and the page says so.
  await page.getByRole("button", { name: "Add another account" }).click();
  await sendCodeTo(page, `+${qrDemo.phone}`);
  await enterCode(page, "22222");
  await expectAccountAdded(page);
  await expect(page.getByText("This account already had 1 other session in the console")).toBeVisible();
});

test("QR login for a 2FA account on DC1: slow refreshes are waited for, one at a time, with no error", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await createSandboxAccount(qrOnDc1);
  let latestQrUrl: string | null = null;
  let inFlight = 0;
  let mostInFlight = 0;
  const refreshStatuses: number[] = [];
  const isRefresh = (request: Request) =>
    request.method() === "POST" && /\/api\/v1\/telegram\/logins\/[^/]+\/qr$/.test(new URL(request.url()).pathname);
  page.on("request", (request) => {
    if (isRefresh(request)) mostInFlight = Math.max(mostInFlight, ++inFlight);
  });
  const settled = (request: Request) => {
    if (isRefresh(request)) inFlight--;
  };
  page.on("requestfinished", settled);
  page.on("requestfailed", settled);
  page.on("response", async (response) => {
    if (!isRefresh(response.request())) return;
    refreshStatuses.push(response.status());
    const body = (await response.json().catch(() => null)) as { qr?: { url: string } } | null;
    if (body?.qr?.url) latestQrUrl = body.qr.url;
  });
  await openWizard(page);
  await page.getByRole("tab", { name: "QR code" }).click();
  await page.getByRole("button", { name: "Show a QR code" }).click();
  await expect(page.getByRole("img", { name: "QR code to scan with the Telegram app" })).toBeVisible();

  // Every packet to the DCs waits 1.5 s, so one refresh (reconnect, then export a token) outlasts the 3 s poll interval.
  await addSandboxTransportFault({ kind: "delay", ms: 1500, times: 0 });
  const before = refreshStatuses.length;
  try {
    await expect.poll(() => refreshStatuses.length - before, { timeout: 40_000 }).toBeGreaterThanOrEqual(2);
  } finally {
    await clearSandboxFaults();
  }
  expect(mostInFlight, "refreshes in flight at once").toBe(1);
  expect(refreshStatuses.every((status) => status === 200)).toBe(true);
  await expect(loginError(page)).toHaveCount(0);

  // The phone scans the code shown last; the account lives on DC1, so the console moves the login there.
  await expect.poll(() => latestQrUrl).toMatch(/^tg:\/\/login\?token=/);
  await acceptLoginToken(qrOnDc1.phone, latestQrUrl!);
  await enterTwoStepPassword(page, qrOnDc1.password);
  await expectAccountAdded(page);
  const devices = await authorizationsOf(qrOnDc1.phone);
  expect(devices.filter((d) => d.device.model === consoleDevice).map((d) => d.dcId)).toEqual([1]);
});

test("the sessions page lists the accounts added through the wizard", async ({ page }) => {
  const added = [newAccount, twoStepDemo, wrongCodeAccount, qrDemo];

  // The API first, so a failure below is the page's alone.
  const response = await page.request.get("/api/v1/sessions?limit=100");
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as {
    items: { status: string; account: { displayName: string; phoneMasked: string } }[];
  };
  const names = items.map((item) => item.account.displayName);
  for (const account of added) expect(names, `${account.name} has a session`).toContain(account.name);
  expect(items.find((item) => item.account.displayName === newAccount.name)?.account.phoneMasked).toBe(
    maskedPhone(newAccount.phone),
  );

  // A row's link opens the session when clicked; showing the list must not fetch every session's page ahead.
  const detailFetches: string[] = [];
  page.on("request", (request) => {
    if (/\/sessions\/[0-9a-f-]{36}/.test(request.url())) detailFetches.push(request.url());
  });
  await page.goto("/sessions");
  for (const account of added) {
    await expect(page.getByText(account.name).first(), `${account.name} is listed on /sessions`).toBeVisible();
  }
  await expect(page.getByText(maskedPhone(newAccount.phone)).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(detailFetches, "session pages fetched ahead").toEqual([]);
  await page.getByRole("link", { name: newAccount.name }).first().click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}/);
});

test("the wizard as a newcomer meets it: arrow keys, a field error, demo numbers, the phone on the 2FA step, a named result", async ({
  page,
  secrets,
}) => {
  secrets.add("two-step password", twoStepDemo.password);
  await openWizard(page);
  const phoneTab = page.getByRole("tab", { name: "Phone number" });
  const qrTab = page.getByRole("tab", { name: "QR code" });
  await phoneTab.focus();
  await page.keyboard.press("ArrowRight");
  await expect(qrTab).toHaveAttribute("aria-selected", "true");
  await expect(qrTab).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(phoneTab).toHaveAttribute("aria-selected", "true");
  await expect(phoneTab).toBeFocused();

  const phone = page.getByLabel("Phone number");
  await phone.fill("12345");
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await expect(phone).toHaveAccessibleDescription(/Enter the number in international format/);

  await page.getByRole("button", { name: `Use +${twoStepDemo.phone} (${twoStepDemo.name})` }).click();
  await expect(phone).toHaveValue(`+${twoStepDemo.phone}`);
  await expect(phone).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Send code" }).click();
  await enterCode(page, "22222");
  await expect(page.getByText(`Signing in ${maskedPhone(twoStepDemo.phone)}.`)).toBeVisible();
  await enterTwoStepPassword(page, twoStepDemo.password);

  const added = page.getByRole("status").filter({ hasText: `Account added: ${twoStepDemo.name}` });
  await expect(added).toBeVisible({ timeout: 20_000 });
  await expect(added).toBeFocused();
  await page.getByRole("link", { name: `Open ${twoStepDemo.name}` }).click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: twoStepDemo.name })).toBeVisible();
});
