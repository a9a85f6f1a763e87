import { callRoute, type CallOptions } from "@/tests/support/call-route";
import * as code from "@/app/api/v1/telegram/logins/[id]/code/route";
import * as password from "@/app/api/v1/telegram/logins/[id]/password/route";
import * as qr from "@/app/api/v1/telegram/logins/[id]/qr/route";
import * as resend from "@/app/api/v1/telegram/logins/[id]/resend/route";
import * as flow from "@/app/api/v1/telegram/logins/[id]/route";
import * as startQr from "@/app/api/v1/telegram/logins/qr/route";
import * as start from "@/app/api/v1/telegram/logins/route";

/** The login API as a client calls it, through the real route handlers, guard and wrapper. */
export function loginClient(token: string) {
  const as = (options: CallOptions = {}) => ({ token, ...options });
  return {
    start: (phone: string) => callRoute(start.POST, "POST", as({ body: { phone } })),
    startQr: () => callRoute(startQr.POST, "POST", as()),
    get: (id: string) => callRoute(flow.GET, "GET", as({ params: { id } })),
    cancel: (id: string) => callRoute(flow.DELETE, "DELETE", as({ params: { id } })),
    code: (id: string, value: string) => callRoute(code.POST, "POST", as({ params: { id }, body: { code: value } })),
    password: (id: string, value: string) =>
      callRoute(password.POST, "POST", as({ params: { id }, body: { password: value } })),
    resend: (id: string) => callRoute(resend.POST, "POST", as({ params: { id } })),
    refreshQr: (id: string) => callRoute(qr.POST, "POST", as({ params: { id } })),
  };
}
