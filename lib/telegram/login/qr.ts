import { Api } from "telegram";
import { classifyTelegramError } from "../errors";
import type { LoginDeps } from "./deps";
import { userOf } from "./authorized-user";
import { finishLogin } from "./finish";
import { exportLoginToken } from "./login-token";
import { passwordStep } from "./password";
import { qrLink } from "./qr-link";
import { runStep } from "./run-step";
import type { LoginState } from "./state";

/**
 * Asks Telegram whether the QR code was scanned: a new token while it was not (they expire in
 * about 30 s), the account once it was — following a move to the account's home DC when needed. Once
 * moved, the flow keeps the home DC's key even if the import then fails: the next refresh shows a code there.
 */
export function refreshQrLogin(deps: LoginDeps, flowId: string): Promise<LoginState> {
  return runStep(deps, flowId, ["qr"], async ({ flow, client, moveTo }) => {
    // After a move to the home DC the login (its authorization or its 2FA step) belongs to the client made there.
    let current = client;
    try {
      const answer = await exportLoginToken(client, async (dcId) => (current = await moveTo(dcId)));
      if (answer instanceof Api.auth.LoginTokenSuccess)
        return { result: await finishLogin(deps, flow, current, userOf(answer.authorization)) };
      const expiresAt = new Date(answer.expires * 1000);
      const patch = { qrExpiresAt: expiresAt };
      return {
        patch,
        result: { flow: { ...flow, ...patch }, qr: { url: qrLink(answer.token), expiresAt } },
      };
    } catch (error) {
      if (classifyTelegramError(error).code === "SESSION_PASSWORD_NEEDED") return passwordStep(flow, current);
      throw error;
    }
  });
}
