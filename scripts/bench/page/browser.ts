import { chromium, type Browser, type BrowserContext } from "playwright-core";
import type { BenchCredentials } from "../api/credentials";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
type SignedIn = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Records, inside the page, when the first sessions table row appears (ms since navigation start). */
const watchTable = () => {
  const observer = new MutationObserver(() => {
    if (document.querySelector("table tbody tr")) {
      (window as unknown as { __tableAt?: number }).__tableAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
};

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
}

/** Signs in through /login as a user would; returns the signed-in storage state. */
export async function signIn(browser: Browser, baseUrl: string, credentials: BenchCredentials): Promise<SignedIn> {
  const context = await browser.newContext({ baseURL: baseUrl });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 30_000 });
  const state = await context.storageState();
  await context.close();
  return state;
}

export type PageLoad = { ttfbMs: number; tableMs: number; scripts: string[] };

/** One cold load of `path` in a fresh context (empty cache) with the signed-in cookies. */
export async function loadPage(browser: Browser, baseUrl: string, state: SignedIn, path: string): Promise<PageLoad> {
  const context = await browser.newContext({ baseURL: baseUrl, storageState: state });
  try {
    await context.addInitScript(watchTable);
    const page = await context.newPage();
    await page.goto(path);
    await page.locator("table tbody tr").first().waitFor({ state: "visible", timeout: 30_000 });
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const scripts = performance
        .getEntriesByType("resource")
        .filter((e) => e.name.includes("/_next/static/") && e.name.endsWith(".js"))
        .map((e) => e.name);
      const tableAt = (window as unknown as { __tableAt?: number }).__tableAt ?? performance.now();
      return { ttfbMs: nav.responseStart - nav.startTime, tableMs: tableAt - nav.startTime, scripts };
    });
  } finally {
    await context.close();
  }
}
