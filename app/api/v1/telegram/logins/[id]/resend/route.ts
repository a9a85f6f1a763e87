import { apiRoute } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/common";
import { toLoginView, loginView } from "@/lib/api/schemas/logins";
import { resendCode } from "@/lib/telegram/login/code";
import { loginDeps } from "@/lib/telegram/login/deps";

/** Asks Telegram for the code again; 429 with Retry-After until Telegram's timeout has passed. */
export const POST = apiRoute(
  {
    summary: "Send the login code again",
    response: loginView,
    role: "admin",
    params: idParams,
    transaction: "manual",
    audit: { action: "telegram_login.resend_code", target: ({ params }) => params.id },
  },
  async (context) => toLoginView(await resendCode(loginDeps(context), context.params.id)),
);
