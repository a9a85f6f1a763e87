import * as forget from "@/app/api/v1/sessions/[id]/forget/route";
import * as revoke from "@/app/api/v1/sessions/[id]/revoke/route";
import * as rotate from "@/app/api/v1/sessions/[id]/rotate/route";
import { callRoute } from "@/tests/support/call-route";
import { loginClient } from "@/tests/support/login-routes";

/** The rotate / revoke / forget API as a client calls it, through the real route handlers. */
export function sessionActions(token: string) {
  return {
    rotate: (id: string, body: Record<string, unknown> = {}) =>
      callRoute(rotate.POST, "POST", { token, params: { id }, body }),
    revoke: (id: string) => callRoute(revoke.POST, "POST", { token, params: { id } }),
    forget: (id: string) => callRoute(forget.POST, "POST", { token, params: { id } }),
  };
}

/** Logs `phone` in through the login routes (code = its DC repeated; the password when given); the session id. */
export async function loggedInSession(token: string, phone: string, password?: string): Promise<string> {
  const api = loginClient(token);
  const started = await api.start(phone);
  const dc = phone.charAt(5);
  let answer = await api.code(started.body.id, dc.repeat(5));
  if (answer.body.step === "password") answer = await api.password(started.body.id, password ?? "");
  if (answer.body.step !== "done") throw new Error(`login did not finish: ${JSON.stringify(answer.body)}`);
  return answer.body.sessionId as string;
}
