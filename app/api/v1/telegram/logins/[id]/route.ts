import { findOwnedLoginFlow } from "@/db/queries/login-flows";
import { auditActorId } from "@/lib/audit";
import { apiRoute } from "@/lib/api/handler";
import { notFound } from "@/lib/errors/domain";
import { idParams } from "@/lib/api/schemas/common";
import { toLoginView, loginView } from "@/lib/api/schemas/logins";
import { cancelLogin } from "@/lib/telegram/login/cancel";
import { loginDeps } from "@/lib/telegram/login/deps";

/** A login in progress, for the member who started it (through any of their tokens); others get 404. */
export const GET = apiRoute(
  { summary: "Read a login in progress", response: loginView, role: "admin", params: idParams },
  async ({ db, actor, params }) => {
    const flow = await findOwnedLoginFlow(db, params.id, auditActorId(actor));
    if (!flow) throw notFound("The login");
    return toLoginView({ flow });
  },
);

/** Cancels a login in progress and destroys its secrets. */
export const DELETE = apiRoute(
  {
    summary: "Cancel a login in progress",
    response: loginView,
    role: "admin",
    params: idParams,
    transaction: "manual",
    audit: { action: "telegram_login.cancel", target: ({ params }) => params.id },
  },
  async (context) => toLoginView(await cancelLogin(loginDeps(context), context.params.id)),
);
