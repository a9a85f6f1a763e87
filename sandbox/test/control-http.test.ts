import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { fetchSandboxInfo } from "../client";
import { destroy, newClient, removeDir, sendCode, type TestSandbox, withTestSandbox } from "./helpers";

let sandbox: TestSandbox;
withTestSandbox((started) => (sandbox = started));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes are asserted field by field
async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(new URL(path, sandbox.info.control), {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

describe("control API over HTTP", () => {
  it("serves /info with the DCs and the RSA key", async () => {
    expect(await fetchSandboxInfo(sandbox.info.control)).toEqual(sandbox.info);
  });

  it("creates and reads accounts without ever returning the password", async () => {
    const created = await call("POST", "/accounts", {
      phone: "+999 662 5001",
      firstName: "Http",
      password: "pw",
      hint: "h",
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      phone: "9996625001",
      firstName: "Http",
      hasPassword: true,
      hint: "h",
      homeDc: 2,
    });
    expect(JSON.stringify(created.json)).not.toContain('"pw"');
    expect((await call("GET", "/accounts/9996625001")).json.firstName).toBe("Http");
    expect((await call("GET", "/accounts/123456")).status).toBe(404);
  });

  it("rejects bad input with a 400 and a clear message", async () => {
    const bad = await call("POST", "/accounts", { firstName: "no phone" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/phone/);
    expect((await call("POST", "/faults", { error: "FLOOD_WAIT_5" })).status).toBe(400);
    expect((await call("POST", "/transport-faults", { kind: "explode" })).status).toBe(400);
    expect((await call("PUT", "/reset")).status).toBe(405);
  });

  it("returns the last code sent and logs requests without their arguments", async () => {
    const client = newClient(sandbox);
    await client.connect();
    await sendCode(client, "9996625002");
    await destroy(client);
    const code = await call("GET", "/accounts/9996625002/code");
    expect(code.json.code).toBe("22222");
    expect(Date.parse(code.json.expiresAt)).toBeGreaterThan(Date.now());
    const log = await call("GET", "/log?phone=9996625002");
    expect(log.json).toEqual([expect.objectContaining({ method: "auth.SendCode", result: "ok", dcId: 2 })]);
  });

  it("adds and clears faults, lists and revokes authorizations, resets", async () => {
    expect((await call("POST", "/faults", { method: "users.GetUsers", error: "FLOOD_WAIT_5", code: 420 })).status).toBe(
      201,
    );
    expect((await call("POST", "/transport-faults", { kind: "delay", ms: 10 })).status).toBe(201);
    expect((await call("DELETE", "/faults")).status).toBe(200);
    expect((await call("GET", "/authorizations?phone=9996625001")).json).toEqual([]);
    expect((await call("POST", "/authorizations/42/revoke")).status).toBe(404);
    expect((await call("POST", "/reset")).status).toBe(200);
    expect((await call("GET", "/accounts/9996625001")).status).toBe(404);
  });
});

describe("npm run sandbox -- --json", () => {
  it("prints the /info object as its first stdout line", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "sandbox-cli-"));
    const child = spawn(process.execPath, ["--import", "tsx", "sandbox/cli.ts", "--json", "--data-dir", dataDir], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    try {
      const [line] = await createInterface({ input: child.stdout })
        [Symbol.asyncIterator]()
        .next()
        .then((r) => [r.value as string]);
      const ready = JSON.parse(line!);
      expect(ready.dcs.map((dc: { id: number }) => dc.id)).toEqual([1, 2, 3]);
      expect(ready.dcs.every((dc: { port: number }) => dc.port < 32768)).toBe(true);
      expect(await fetchSandboxInfo(ready.control)).toEqual(ready);
    } finally {
      child.kill("SIGTERM");
      await once(child, "exit");
      removeDir(dataDir);
    }
  }, 30_000);
});
