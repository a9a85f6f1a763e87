import { apiRoute } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/common";
import { toLoginView, loginView } from "@/lib/api/schemas/logins";
import { refreshQrLogin } from "@/lib/telegram/login/qr";
import { loginDeps } from "@/lib/telegram/login/deps";

/** Polls a QR login: a fresh link while it is not scanned, then the password step or `{step:"done"}`. */
export const POST = apiRoute(
  {
    summary: "Poll a QR login (and get a fresh code)",
    response: loginView,
    role: "admin",
    params: idParams,
    transaction: "manual",
    audit: { action: "telegram_login.refresh_qr", target: ({ params }) => params.id },
  },
  async (context) => {
    const view = toLoginView(await refreshQrLogin(loginDeps(context), context.params.id));
    // Polls repeat every few seconds while the code waits to be scanned; only the outcome is worth a row.
    if (view.step === "qr") context.note({ quiet: true });
    return view;
  },
);
