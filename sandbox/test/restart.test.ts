import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
});
