import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";

export type SandboxAuthorization = { id: string; phone: string | null; device: { model: string }; state: string };
export type MintedKey = { id: string; phone: string; dcId: number; address: string; port: number; authKey: string };
export type SandboxLogEntry = { at: number; authKeyId: string; method: string; phone?: string; result: string };
type StateFile = { authorizations: Record<string, { authKeyId: string }>; authKeys: Record<string, { key: string }> };

/**
 * The sandbox DC as a process of its own that outlives every console restart: its authorization list is
 * the ground truth of what "Telegram" holds.
 */
export class SandboxProcess {
  private constructor(
    readonly control: string,
    private readonly dataDir: string,
    private readonly stopProcess: () => Promise<void>,
  ) {}

  /** `logEntries`: how many requests its log keeps (the scale runs read every check back from it). */
  static async start(dataDir: string, logEntries = 2000): Promise<SandboxProcess> {
    const args = ["--json", "--no-seed", "--data-dir", dataDir, "--log-entries", String(logEntries)];
    const child = spawn("npx", ["tsx", "sandbox/cli.ts", ...args], {
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    });
    const [readyLine] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
    const stop = async () => {
      if (child.exitCode !== null) return;
      process.kill(-child.pid!, "SIGTERM");
      await once(child, "exit");
    };
    return new SandboxProcess((JSON.parse(readyLine) as { control: string }).control, dataDir, stop);
  }

  stop(): Promise<void> {
    return this.stopProcess();
  }

  createAccount(phone: string, password?: string): Promise<{ userId: string }> {
    return this.call("POST", "/accounts", {
      phone,
      firstName: "Crash",
      ...(password ? { password, hint: "crash" } : {}),
    });
  }

  /** A fresh authorization of `phone` (the account made if new), as a client elsewhere would hold it. */
  async mint(phone: string): Promise<MintedKey> {
    const [minted] = await this.call<MintedKey[]>("POST", `/accounts/${phone}/authorizations`);
    return minted!;
  }

  authorizations(phone: string): Promise<SandboxAuthorization[]> {
    return this.call("GET", `/authorizations?phone=${phone}`);
  }

  /** The last code "sent" to the phone, with when Telegram stops accepting it. */
  lastCode(phone: string): Promise<{ expiresAt: string }> {
    return this.call("GET", `/accounts/${phone}/code`);
  }

  /** Every authorization the sandbox ever made, in any state. */
  allAuthorizations(): Promise<SandboxAuthorization[]> {
    return this.call("GET", "/authorizations");
  }

  log(phone?: string): Promise<SandboxLogEntry[]> {
    return this.call("GET", phone ? `/log?phone=${phone}` : "/log");
  }

  /** The auth key (hex) behind an authorization, from the sandbox's own state file (Telegram's database here). */
  authKeyOf(authorizationId: string): string | undefined {
    const state = JSON.parse(readFileSync(path.join(this.dataDir, "state.json"), "utf8")) as StateFile;
    const keyId = state.authorizations[authorizationId]?.authKeyId;
    return keyId === undefined ? undefined : state.authKeys[keyId]?.key;
  }

  private async call<T>(method: "GET" | "POST", route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.control}${route}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox ${method} ${route}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }
}
