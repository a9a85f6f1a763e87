import { destroy, login, newClient } from "@/sandbox/test/helpers";
import type { Sandbox } from "@/sandbox/sandbox";

/** Logs a DC-2 test number in from "someone else's phone" (not the console), and disconnects. */
export async function loginForeignDevice(sandbox: Sandbox, phone: string): Promise<void> {
  const client = newClient(sandbox, "", 2, "Pixel 8");
  try {
    await client.connect();
    await login(client, sandbox, phone);
  } finally {
    await destroy(client);
  }
}
