import { apiRoute } from "@/lib/api/handler";
import { startLoginBody } from "@/lib/api/schemas/logins";
import { loginDeps } from "@/lib/telegram/login/route-deps";
import { startPhoneLogin } from "@/lib/telegram/login/start";

/** Starts a phone login: Telegram sends the code; the reply says how and when another may be asked for. */
export const POST = apiRoute(
  { role: "admin", body: startLoginBody, status: 201, transaction: "manual", audit: { action: "telegram_login.start", detail: () => ({ method: "phone" }) } },
  async (context) => {
    const view = await startPhoneLogin(loginDeps(context), context.body.phone);
    context.note({ target: view.id, detail: { phone: view.phoneMasked } });
    return view;
  },
);
