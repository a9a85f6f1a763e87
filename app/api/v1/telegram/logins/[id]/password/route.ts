import { apiRoute } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/common";
import { passwordBody, toLoginView, loginView } from "@/lib/api/schemas/logins";
import { submitPassword } from "@/lib/telegram/login/password";
import { loginDeps } from "@/lib/telegram/login/deps";

/** Enters the two-step verification password (checked by SRP; it is never stored or logged). */
export const POST = apiRoute(
  {
    summary: "Enter the account's 2FA password",
    response: loginView,
    role: "admin",
    params: idParams,
    body: passwordBody,
    transaction: "manual",
    audit: { action: "telegram_login.submit_password", target: ({ params }) => params.id },
  },
  async (context) => toLoginView(await submitPassword(loginDeps(context), context.params.id, context.body.password)),
);
