import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { memberWithToken, useTestDb } from "@/tests/support/route-database";
import { recordCheck } from "@/lib/metrics/health";
import { countLoginAttempt } from "@/lib/metrics/login";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { GET } from "./route";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const metricsToken = "prometheus-scrape-token-0123456789";
process.env.METRICS_TOKEN = metricsToken;

const scrape = (token?: string) =>
  GET(new Request("http://console.test/api/metrics", { headers: token ? { authorization: `Bearer ${token}` } : {} }));

describe("GET /api/metrics", () => {
  let database: TestDatabase;
  let admin: string;
  let viewer: string;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    useTestDb(database.db);
    admin = (await memberWithToken(database.db, "admin@example.com", "admin")).token;
    viewer = (await memberWithToken(database.db, "viewer@example.com", "viewer")).token;
  });
  afterAll(() => database.close());

  it("refuses anonymous callers, wrong tokens and viewers", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape("not-the-metrics-token-at-all")).status).toBe(401);
    const refused = await scrape(viewer);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "forbidden" } });
  });

  it("answers the metrics token and admin API tokens in Prometheus text format", async () => {
    recordCheck("ok", 0.12);
    countLoginAttempt("done");
    for (const token of [metricsToken, admin]) {
      const response = await scrape(token);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
      const text = await response.text();
      expect(text).toContain('tsc_sessions{status="active"} 0');
      expect(text).toContain('tsc_health_checks_total{result="ok"} 1');
      expect(text).toContain("tsc_health_check_duration_seconds_bucket");
      expect(text).toContain('tsc_login_attempts_total{outcome="done"} 1');
      expect(text).toContain("tsc_process_resident_memory_bytes");
      expect(text).toContain("tsc_telegram_connections 0");
      expect(text).not.toContain(metricsToken);
    }
  });
});
