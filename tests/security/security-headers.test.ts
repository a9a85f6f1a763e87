import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "@/lib/http/security-headers";
import nextConfig from "@/next.config";

const asMap = (headers: { key: string; value: string }[]) =>
  new Map(headers.map(({ key, value }) => [key.toLowerCase(), value]));

describe.each([true, false])("security headers (production: %s)", (production) => {
  const headers = asMap(securityHeaders(production));
  const csp = new Map(
    (headers.get("content-security-policy") ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

  it("forbid framing, sniffing, plugins and foreign scripts", () => {
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")?.[0]).toBe("'self'");
    expect(csp.get("script-src")).not.toContain("*");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("pin HTTPS for two years and keep the address out of other sites' referrers", () => {
    expect(headers.get("strict-transport-security")).toMatch(/^max-age=(\d+); includeSubDomains/);
    expect(Number(/max-age=(\d+)/.exec(headers.get("strict-transport-security") ?? "")?.[1])).toBeGreaterThanOrEqual(
      31_536_000,
    );
    expect(headers.get("referrer-policy")).toMatch(
      /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
    );
  });

  it("production drops 'unsafe-eval'", () => {
    expect(csp.get("script-src")?.includes("'unsafe-eval'")).toBe(!production);
  });

  it("run no inline script without this response's nonce", () => {
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    const paged = contentSecurityPolicy(production, "bm9uY2Utb2YtdGhpcy1wYWdl");
    expect(/script-src ([^;]*)/.exec(paged)?.[1]?.split(" ")).toEqual([
      "'self'",
      "'nonce-bm9uY2Utb2YtdGhpcy1wYWdl'",
      "'strict-dynamic'",
      ...(production ? [] : ["'unsafe-eval'"]),
    ]);
  });
});

it("next.config applies them to every path, 404 and 500 pages included", async () => {
  const rules = (await nextConfig.headers?.()) ?? [];
  const everyPath = rules.find((rule) => rule.source === "/:path*");
  expect(asMap(everyPath?.headers ?? [])).toEqual(asMap(securityHeaders(process.env.NODE_ENV === "production")));
  expect(nextConfig.poweredByHeader).toBe(false);
});
