import type { CallResult } from "@/tests/support/call-route";
import type { TestSandbox } from "@/sandbox/test/helpers";
import type { FaultPoint, RpcFaultPoint } from "./telegram-fault-points";
import { loginClient } from "./login-routes";

type LoginApi = ReturnType<typeof loginClient>;
export type LoginStepName = "phone" | "code" | "code (2FA account)" | "password" | "qr start" | "qr scanned";

/** What a login step needs: the flow brought to just before it, the step itself, the step it leads to. */
type StepScript = {
  /** Creates the account when the step needs one; returns the flow id the step works on, if any. */
  prepare(api: LoginApi, sandbox: TestSandbox, phone: string): Promise<string | undefined>;
  act(api: LoginApi, phone: string, flowId: string | undefined): Promise<CallResult>;
  /** The flow's step after `act` succeeds. */
  next: string;
};

export const loginPassword = "fault-proof password";
const qrToken = (reply: CallResult) => new URL(reply.body.qr.url as string).searchParams.get("token") ?? "";

export const stepScripts: Record<LoginStepName, StepScript> = {
  phone: { prepare: async () => undefined, act: (api, phone) => api.start(phone), next: "code" },
  code: {
    prepare: async (api, _sandbox, phone) => (await api.start(phone)).body.id,
    act: (api, _phone, id) => api.code(id ?? "", "22222"),
    next: "done",
  },
  "code (2FA account)": {
    prepare: async (api, sandbox, phone) => {
      sandbox.createAccount({ phone, password: loginPassword, hint: "faults" });
      return (await api.start(phone)).body.id;
    },
    act: (api, _phone, id) => api.code(id ?? "", "22222"),
    next: "password",
  },
  password: {
    prepare: async (api, sandbox, phone) => {
      sandbox.createAccount({ phone, password: loginPassword, hint: "faults" });
      const id: string = (await api.start(phone)).body.id;
      await api.code(id, "22222");
      return id;
    },
    act: (api, _phone, id) => api.password(id ?? "", loginPassword),
    next: "done",
  },
  "qr start": { prepare: async () => undefined, act: (api) => api.startQr(), next: "qr" },
  "qr scanned": {
    prepare: async (api, sandbox, phone) => {
      sandbox.createAccount({ phone });
      const started = await api.startQr();
      sandbox.acceptLoginToken(phone, qrToken(started));
      return started.body.id;
    },
    act: (api, _phone, id) => api.refreshQr(id ?? ""),
    next: "done",
  },
};

/** Drives a flow from where `reply` left it to "done" (no faults armed); the new session's id. */
export async function finishFlow(
  api: LoginApi,
  sandbox: TestSandbox,
  phone: string,
  reply: CallResult,
): Promise<string> {
  let answer = reply;
  for (let round = 0; round < 4 && answer.body.step !== "done"; round++) {
    const id: string = answer.body.id;
    if (answer.body.step === "code") answer = await api.code(id, "22222");
    else if (answer.body.step === "password") answer = await api.password(id, loginPassword);
    else if (answer.body.step === "qr") {
      if (!sandbox.getAccount(phone)) sandbox.createAccount({ phone });
      sandbox.acceptLoginToken(phone, qrToken(answer));
      answer = await api.refreshQr(id);
    } else break;
  }
  if (answer.body.step !== "done") throw new Error(`login did not finish: ${JSON.stringify(answer.body)}`);
  return answer.body.sessionId as string;
}

export type LoginFaultPoint = FaultPoint & { step: LoginStepName };

/**
 * Where in each login step a fault can land. A new login's key exchange is three plain packets
 * (req_pq_multi, req_DH_params, set_client_DH_params); connecting then takes two packets, one of them
 * initConnection(help.getConfig). Before sign-in no key belongs to an account, so those faults are not
 * phone-scoped; the password step's key is (it stopped at SESSION_PASSWORD_NEEDED).
 */
export const loginFaultPoints: LoginFaultPoint[] = [
  {
    step: "phone",
    name: "phone: key exchange",
    skip: 0,
    scoped: false,
    before: [],
    hit: null,
    survives: ["drop", "404"],
  },
  {
    step: "phone",
    name: "phone: auth.sendCode",
    skip: 5,
    scoped: false,
    before: ["help.GetConfig"],
    hit: "auth.SendCode",
  },
  { step: "code", name: "code: reconnect", skip: 0, scoped: false, before: [], hit: "help.GetConfig" },
  { step: "code", name: "code: auth.signIn", skip: 2, scoped: false, before: ["help.GetConfig"], hit: "auth.SignIn" },
  {
    step: "code (2FA account)",
    name: "code: account.getPassword (2FA)",
    skip: 3,
    scoped: false,
    before: ["help.GetConfig", "auth.SignIn:SESSION_PASSWORD_NEEDED"],
    hit: "account.GetPassword",
  },
  {
    step: "password",
    name: "password: account.getPassword",
    skip: 2,
    scoped: true,
    before: ["help.GetConfig"],
    hit: "account.GetPassword",
  },
  {
    step: "password",
    name: "password: auth.checkPassword",
    skip: 3,
    scoped: true,
    before: ["help.GetConfig", "account.GetPassword"],
    hit: "auth.CheckPassword",
  },
  {
    step: "qr start",
    name: "qr start: auth.exportLoginToken",
    skip: 5,
    scoped: false,
    before: ["help.GetConfig"],
    hit: "auth.ExportLoginToken",
  },
  {
    step: "qr scanned",
    name: "qr scanned: auth.exportLoginToken",
    skip: 2,
    scoped: false,
    before: ["help.GetConfig"],
    hit: "auth.ExportLoginToken",
  },
];

/** The login requests a transient RPC error is aimed at (the code request and sign-in carry the number). */
export const loginRpcFaultPoints: (RpcFaultPoint & { step: LoginStepName })[] = [
  { step: "phone", name: "phone: auth.sendCode", method: "auth.SendCode", scoped: true },
  { step: "code", name: "code: auth.signIn", method: "auth.SignIn", scoped: true },
  { step: "password", name: "password: auth.checkPassword", method: "auth.CheckPassword", scoped: true },
  { step: "qr scanned", name: "qr scanned: auth.exportLoginToken", method: "auth.ExportLoginToken", scoped: false },
];
