import { randomUUID } from "node:crypto";
import { apiRoute } from "@/lib/api/handler";
import { startLoginBody, toLoginView, loginView } from "@/lib/api/schemas/logins";
import { loginDeps } from "@/lib/telegram/login/deps";
import { maskPhone } from "@/lib/telegram/login/phone";
import { startPhoneLogin } from "@/lib/telegram/login/start";

/** Starts a phone login: Telegram sends the code; the reply says how and when another may be asked for. */
export const POST = apiRoute(
  {
    summary: "Start a login by phone number",
    response: loginView,
    role: "admin",
    body: startLoginBody,
    status: 201,
    transaction: "manual",
    audit: { action: "telegram_login.start", detail: () => ({ method: "phone" }) },
  },
  async (context) => {
    const id = randomUUID();
    context.note({ target: id, detail: { phone: maskPhone(context.body.phone) } });
    return toLoginView(await startPhoneLogin(loginDeps(context), context.body.phone, id));
  },
);
