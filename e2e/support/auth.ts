import { expect, request, type APIRequestContext, type Page } from "@playwright/test";
import { e2ePort } from "./config";
import type { Member } from "./members";

export const baseURL = `http://localhost:${e2ePort}`;
/** The production cookie name (`__Host-` binds it to this origin); Chromium accepts it on http://localhost. */
export const sessionCookieName = "__Host-tsc.session";

/** Signs in through /login as a person would, and waits until the console has let them in. */
export async function signInThroughPage(page: Page, member: Pick<Member, "email" | "password">): Promise<void> {
  await fillSignInForm(page, member);
  await expect(page).not.toHaveURL(/\/login(\?|$)/, { timeout: 15_000 });
}

/** Fills and submits the sign-in form without waiting for any particular outcome. */
export async function fillSignInForm(page: Page, member: Pick<Member, "email" | "password">): Promise<void> {
  if (!/\/login(\?|$)/.test(page.url())) await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(member.email);
  await page.getByLabel("Password", { exact: true }).fill(member.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The browser's sign-in cookie as a `name=value` Cookie header, to replay outside the browser. */
export async function sessionCookieOf(page: Page): Promise<string> {
  const cookie = (await page.context().cookies(baseURL)).find((c) => c.name === sessionCookieName);
  if (!cookie) throw new Error(`no ${sessionCookieName} cookie in the browser`);
  return `${cookie.name}=${cookie.value}`;
}

/**
 * Signs in through Auth.js's endpoints without a browser (CSRF token, then the credentials callback) and
 * returns the sign-in cookie as a Cookie header. For specs that need a member's cookie, not the sign-in UI.
 */
export async function sessionCookieThroughApi(member: Pick<Member, "email" | "password">): Promise<string> {
  const api = await request.newContext({ baseURL, maxRedirects: 0 });
  try {
    const csrf = await api.get("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const answer = await api.post("/api/auth/callback/credentials", {
      form: { email: member.email, password: member.password, csrfToken, callbackUrl: "/sessions" },
      headers: { "X-Auth-Return-Redirect": "1", Origin: baseURL },
    });
    expect(answer.status(), `sign-in of ${member.email}`).toBe(200);
    const setCookie = answer
      .headersArray()
      .find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith(`${sessionCookieName}=`));
    if (!setCookie)
      throw new Error(`sign-in of ${member.email} set no ${sessionCookieName} cookie: ${await answer.text()}`);
    return setCookie.value.split(";")[0]!;
  } finally {
    await api.dispose();
  }
}

/** A request context that sends the given credentials (cookie or bearer token) and never follows redirects. */
export function apiClient(
  credentials: { cookie?: string; token?: string; headers?: Record<string, string> } = {},
): Promise<APIRequestContext> {
  const headers: Record<string, string> = { ...credentials.headers };
  if (credentials.cookie) headers.Cookie = credentials.cookie;
  if (credentials.token) headers.Authorization = `Bearer ${credentials.token}`;
  // Cookie-authenticated mutations need a same-origin Origin, as the console's own pages send.
  if (credentials.cookie) headers.Origin = baseURL;
  return request.newContext({ baseURL, maxRedirects: 0, extraHTTPHeaders: headers });
}

export async function signOutThroughSidebar(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login(\?|$)/);
}
