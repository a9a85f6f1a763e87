import { Api } from "telegram";
import { classifyTelegramError } from "../errors";
import type { LoginDeps } from "./deps";
import { userOf } from "./authorized-user";
import { finishLogin } from "./finish";
import { exportLoginToken } from "./login-token";
import { passwordStep } from "./password";
import { qrLink } from "./qr-link";
import { runStep } from "./run-step";
import { toLoginView, type LoginView } from "./view";

/**
 * Asks Telegram whether the QR code was scanned: a new token while it was not (they expire in
 * about 30 s), the account once it was — following a move to the account's home DC when needed.
 */
export function refreshQrLogin(deps: LoginDeps, flowId: string): Promise<LoginView> {
  return runStep(deps, flowId, ["qr"], async ({ flow, client }) => {
    try {
      const answer = await exportLoginToken(client);
      if (answer instanceof Api.auth.LoginTokenSuccess)
        return { result: await finishLogin(deps, flow, client, userOf(answer.authorization)) };
      const expiresAt = new Date(answer.expires * 1000);
      const patch = { qrExpiresAt: expiresAt };
      return {
        patch,
        result: toLoginView(
          { ...flow, ...patch },
          { qr: { url: qrLink(answer.token), expiresAt: expiresAt.toISOString() } },
        ),
      };
    } catch (error) {
      if (classifyTelegramError(error).code === "SESSION_PASSWORD_NEEDED") return passwordStep(flow, client);
      throw error;
    }
  });
}
