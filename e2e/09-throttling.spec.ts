import type { Browser, Page } from "@playwright/test";
import { createMemberWithCli, ensureFirstAdmin } from "./support/admin-cli";
import { fillSignInForm } from "./support/auth";
import { freshEmail, freshMember, type Member } from "./support/members";
import type { SecretsWatch } from "./support/secrets-watch";
import { expect, test } from "./support/test";

// Last in the run: failed sign-ins count per account and per client address for 15 minutes.
// Each simulated client sends its own X-Forwarded-For (as a reverse proxy in front of the console would),
// so these failures never count against the address the other specs sign in from.

// With no admin yet, /login leads to first-run setup.
test.beforeAll(async () => {
  await ensureFirstAdmin();
});

const incorrect = "Email or password is incorrect.";
const throttled = /Too many failed sign-in attempts\. Try again in \d+ minutes?\./;

async function clientAt(browser: Browser, secrets: SecretsWatch, address: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address } });
  secrets.watch(context);
  return context.newPage();
}

/** One sign-in attempt through the form; the endpoint's status and Retry-After, once the page has answered. */
async function attempt(
  page: Page,
  member: Pick<Member, "email" | "password">,
): Promise<{ status: number; retryAfter: number | null }> {
  await page.goto("/login");
  const answer = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/auth/callback/credentials",
  );
  await fillSignInForm(page, member);
  const response = await answer;
  const retryAfter = response.headers()["retry-after"];
  return { status: response.status(), retryAfter: retryAfter === undefined ? null : Number(retryAfter) };
}

test("after 5 failures for one account, the 6th attempt is refused with the throttle message, from any address", async ({
  browser,
  secrets,
}) => {
  const member = await createMemberWithCli(freshMember("throttled", "viewer"));
  secrets.add("throttled member's password", member.password);
  const page = await clientAt(browser, secrets, "198.51.100.10");
  for (let n = 1; n <= 5; n++) {
    const result = await attempt(page, { email: member.email, password: `wrong-password-${n}` });
    expect(result.status, `attempt ${n}`).toBe(200);
    await expect(page.getByText(incorrect)).toBeVisible();
  }

  const sixth = await attempt(page, { email: member.email, password: "wrong-password-6" });
  expect(sixth.status).toBe(429);
  expect(sixth.retryAfter).toBeGreaterThan(0);
  await expect(page.getByText(throttled)).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);

  // The right password does not get through either, nor from another address: the account is throttled.
  expect((await attempt(page, member)).status).toBe(429);
  await expect(page.getByText(throttled)).toBeVisible();
  const elsewhere = await clientAt(browser, secrets, "198.51.100.11");
  expect((await attempt(elsewhere, member)).status).toBe(429);
  await expect(elsewhere.getByText(throttled)).toBeVisible();
  await expect(elsewhere).toHaveURL(/\/login$/);
});

test("after 5 failures from one address, the 6th attempt is refused there, even for another account", async ({
  browser,
  secrets,
}) => {
  const member = await createMemberWithCli(freshMember("bystander", "viewer"));
  secrets.add("bystander's password", member.password);
  const page = await clientAt(browser, secrets, "198.51.100.20");
  for (let n = 1; n <= 5; n++) {
    // Unknown accounts count too, and get the same sentence (no account enumeration).
    expect(
      (await attempt(page, { email: freshEmail(`nobody${n}`), password: "guessed-password" })).status,
      `attempt ${n}`,
    ).toBe(200);
    await expect(page.getByText(incorrect)).toBeVisible();
  }

  expect((await attempt(page, member)).status).toBe(429);
  await expect(page.getByText(throttled)).toBeVisible();

  // The account itself is fine: from another address it signs in.
  const elsewhere = await clientAt(browser, secrets, "198.51.100.21");
  expect((await attempt(elsewhere, member)).status).toBe(200);
  await expect(elsewhere).toHaveURL(/\/sessions$/);
});
