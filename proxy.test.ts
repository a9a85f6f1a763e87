import { decode, encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sessionCookieName } from "@/lib/auth/cookies";
import { proxy } from "./proxy";

const secret = "a-test-secret-that-is-long-enough-0123456789";
const now = () => Math.floor(Date.now() / 1000);

async function requestWithCookie(
  path: string,
  method: string,
  lastActiveAgo: number,
  headers: Record<string, string> = {},
) {
  const value = await encode({
    token: { sub: "8b0f7c1e-2c1a-4f43-9f57-0c7d3b1f0a11", sv: 1, st: now() - 3600, la: now() - lastActiveAgo },
    secret,
    salt: sessionCookieName,
  });
  return new NextRequest(`http://console.test${path}`, {
    method,
    headers: { cookie: `${sessionCookieName}=${value}`, ...headers },
  });
}

async function renewedLastActive(response: Response): Promise<number | null> {
  const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${sessionCookieName}=`));
  if (!line) return null;
  const token = await decode({ token: line.split(";")[0]!.split("=")[1]!, secret, salt: sessionCookieName });
  return token?.la ?? null;
}

describe("the proxy's activity tracking", () => {
  beforeAll(() => vi.stubEnv("AUTH_SECRET", secret));
  afterAll(() => vi.unstubAllEnvs());

  it("moves the last-active time on when a page is opened or a change is made", async () => {
    for (const request of [
      await requestWithCookie("/sessions", "GET", 600),
      await requestWithCookie("/api/v1/tokens", "POST", 600),
    ]) {
      const lastActive = await renewedLastActive(await proxy(request));
      expect(lastActive).toBeGreaterThanOrEqual(now() - 5);
    }
  });

  it("does not count the pages' background refreshes (API reads), prefetches or an idle-expired cookie", async () => {
    const untouched = [
      await requestWithCookie("/api/v1/sessions", "GET", 600),
      await requestWithCookie("/sessions", "GET", 600, { "next-router-prefetch": "1" }),
      await requestWithCookie("/sessions", "GET", 31 * 60),
    ];
    for (const request of untouched) expect(await renewedLastActive(await proxy(request))).toBeNull();
  });

  it("still sends a page request without any cookie to the sign-in page", async () => {
    const response = await proxy(new NextRequest("http://console.test/sessions?x=1"));
    expect(response.headers.get("location")).toBe("http://console.test/login?callbackUrl=%2Fsessions%3Fx%3D1");
  });
});

describe("the proxy's script nonce", () => {
  const scriptSrc = (csp: string | null) => /script-src ([^;]*)/.exec(csp ?? "")?.[1]?.split(" ") ?? [];
  const forwardedCsp = (response: Response) => response.headers.get("x-middleware-request-content-security-policy");

  it("gives every page a fresh nonce, on the response and on the request Next.js renders with", async () => {
    const responses = [
      await proxy(await requestWithCookie("/sessions", "GET", 60)),
      await proxy(await requestWithCookie("/sessions", "GET", 60)),
      await proxy(new NextRequest("http://console.test/login")),
      await proxy(new NextRequest("http://console.test/setup")),
    ];
    const nonces = responses.map((response) => {
      const csp = response.headers.get("content-security-policy");
      expect(response.headers.get("location")).toBeNull();
      expect(forwardedCsp(response)).toBe(csp);
      expect(scriptSrc(csp)).not.toContain("'unsafe-inline'");
      expect(scriptSrc(csp)).toContain("'strict-dynamic'");
      return /'nonce-([A-Za-z0-9+/=]{24})'/.exec(csp ?? "")?.[1];
    });
    expect(new Set(nonces).size).toBe(responses.length);
  });

  it("leaves API responses to the fixed policy", async () => {
    const response = await proxy(await requestWithCookie("/api/v1/sessions", "GET", 60));
    expect(response.headers.get("content-security-policy")).toBeNull();
  });
});
