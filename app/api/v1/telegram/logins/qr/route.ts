import { randomUUID } from "node:crypto";
import { apiRoute } from "@/lib/api/handler";
import { toLoginView, loginView } from "@/lib/api/schemas/logins";
import { loginDeps } from "@/lib/telegram/login/deps";
import { startQrLogin } from "@/lib/telegram/login/start";

/** Starts a QR login: the reply carries the first tg://login link to show as a QR code. */
export const POST = apiRoute(
  {
    summary: "Start a login by QR code",
    response: loginView,
    role: "admin",
    status: 201,
    transaction: "manual",
    audit: { action: "telegram_login.start", detail: () => ({ method: "qr" }) },
  },
  async (context) => {
    const id = randomUUID();
    context.note({ target: id });
    return toLoginView(await startQrLogin(loginDeps(context), id));
  },
);
