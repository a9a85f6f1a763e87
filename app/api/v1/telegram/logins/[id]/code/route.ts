import { apiRoute } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/common";
import { codeBody, toLoginView, loginView } from "@/lib/api/schemas/logins";
import { submitCode } from "@/lib/telegram/login/code";
import { loginDeps } from "@/lib/telegram/login/deps";

/** Enters the code: `{step:"done", sessionId}`, or `{step:"password", passwordHint}` for a 2FA account. */
export const POST = apiRoute(
  {
    summary: "Enter the login code Telegram sent",
    response: loginView,
    role: "admin",
    params: idParams,
    body: codeBody,
    transaction: "manual",
    audit: { action: "telegram_login.submit_code", target: ({ params }) => params.id },
  },
  async (context) => toLoginView(await submitCode(loginDeps(context), context.params.id, context.body.code)),
);
