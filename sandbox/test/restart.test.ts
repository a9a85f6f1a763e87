import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it, vi } from "vitest";
import { destroy, login, newClient, removeDir, startTestSandbox } from "./helpers";

describe("state across restarts", () => {
  it("keeps a session saved before a restart working after it, on new ports", async () => {
    const first = await startTestSandbox();
    const phone = "9996624001";
    first.createAccount({ phone, password: "kept", firstName: "Persistent" });
    const client = newClient(first);
    await client.connect();
    const saved = await login(client, first, phone, "kept");
    await destroy(client);
    await first.close();

    const second = await startTestSandbox({ dataDir: first.dataDir });
    try {
      const restored = newClient(second, saved);
      await restored.connect();
      expect((await restored.getMe()).firstName).toBe("Persistent");
      expect(second.getAccount(phone)).toMatchObject({ hasPassword: true, firstName: "Persistent" });
      await destroy(restored);
      const file = readFileSync(join(first.dataDir, "state.json"), "utf8");
      expect(file).not.toContain("kept");
    } finally {
      await second.close();
      removeDir(first.dataDir);
    }
  });

  it("recreates its data folder when it is removed while running, and keeps serving when it cannot", async () => {
    const sandbox = await startTestSandbox();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      removeDir(sandbox.dataDir);
      sandbox.createAccount({ phone: "9996624002", firstName: "Recreated" });
      await sleep(200);
      expect(readFileSync(join(sandbox.dataDir, "state.json"), "utf8")).toContain("Recreated");
      expect(errors).not.toHaveBeenCalled();

      removeDir(sandbox.dataDir);
      writeFileSync(sandbox.dataDir, "a file where the folder was");
      const client = newClient(sandbox);
      await client.connect();
      await login(client, sandbox, "9996624003");
      expect((await client.getMe()).phone).toBe("9996624003");
      await destroy(client);
      // The save runs from a timer after the login changed the state.
      await vi.waitFor(() => expect(errors).toHaveBeenCalledWith(expect.stringContaining("sandbox: could not save")), {
        timeout: 5000,
      });
      expect(existsSync(join(sandbox.dataDir, "state.json"))).toBe(false);
    } finally {
      errors.mockRestore();
      await sandbox.close();
      removeDir(sandbox.dataDir);
    }
  });
});
