import { fetchSandboxInfo } from "@/sandbox/client";
import type { SandboxInfo } from "@/sandbox/sandbox";
import { env } from "@/lib/env";
import { shareAcrossBundles } from "@/lib/errors/shared-class";

/** Where the console's Telegram traffic goes: Telegram itself, or a sandbox DC (never both). */
export type TelegramTarget =
  | { kind: "production"; apiId: number; apiHash: string }
  | { kind: "sandbox"; apiId: number; apiHash: string; info: SandboxInfo };

export class TelegramNotConfiguredError extends Error {
  constructor() {
    super(
      "Telegram is not configured: set TELEGRAM_API_ID and TELEGRAM_API_HASH, or TELEGRAM_SANDBOX_URL for the sandbox DC.",
    );
  }
}

// The sandbox accepts any api_id; these make its authorizations recognisable in its device list.
const sandboxApiId = 94575;
const sandboxApiHash = "a3406de8d171bb422bb6ddf3bbd800e2";

let cached: Promise<TelegramTarget> | undefined;

export function telegramTarget(): Promise<TelegramTarget> {
  cached ??= resolveTarget().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function resolveTarget(): Promise<TelegramTarget> {
  const { TELEGRAM_API_ID, TELEGRAM_API_HASH, TELEGRAM_SANDBOX_URL } = env();
  if (TELEGRAM_API_ID && TELEGRAM_API_HASH)
    return { kind: "production", apiId: TELEGRAM_API_ID, apiHash: TELEGRAM_API_HASH };
  if (TELEGRAM_SANDBOX_URL) {
    return {
      kind: "sandbox",
      apiId: sandboxApiId,
      apiHash: sandboxApiHash,
      info: await fetchSandboxInfo(TELEGRAM_SANDBOX_URL),
    };
  }
  throw new TelegramNotConfiguredError();
}

/** Sandbox mode is shown in a banner; it is decided by configuration alone (no network). */
export function sandboxMode(): boolean {
  const { TELEGRAM_API_ID, TELEGRAM_SANDBOX_URL } = env();
  return !TELEGRAM_API_ID && Boolean(TELEGRAM_SANDBOX_URL);
}

shareAcrossBundles("TelegramNotConfiguredError", TelegramNotConfiguredError);
