import type { TelegramClientParams } from "telegram/client/telegramBaseClient";
import { destroy, login, newClient } from "@/sandbox/test/helpers";
import type { Sandbox } from "@/sandbox/sandbox";

export type ForeignDevice = Partial<TelegramClientParams> & { deviceModel?: string; apiId?: number };

/** Logs a DC-2 test number in from "someone else's phone" (not the console), and disconnects. */
export async function loginForeignDevice(
  sandbox: Sandbox,
  phone: string,
  { deviceModel = "Pixel 8", ...device }: ForeignDevice = {},
): Promise<void> {
  const client = newClient(sandbox, "", 2, deviceModel, device);
  try {
    await client.connect();
    await login(client, sandbox, phone);
  } finally {
    await destroy(client);
  }
}
