import { Api } from "telegram";
import { clearedSecrets, findLoginFlow, openSteps, releaseLoginFlow } from "@/db/queries/login-flows";
import { DomainError } from "@/lib/errors/domain";
import { TelegramFailure } from "../errors";
import { TelegramNotConfiguredError } from "../target";
import { runStep } from "./run-step";
import type { LoginDeps } from "./deps";
import type { LoginState } from "./state";

const cancelled = { step: "cancelled" as const, ...clearedSecrets };

/** Ends a login: tells Telegram to forget the code (best effort) and destroys the flow's secrets. */
export async function cancelLogin(deps: LoginDeps, flowId: string): Promise<LoginState> {
  try {
    return await runStep(deps, flowId, openSteps, async ({ flow, client, phone, phoneCodeHash }) => {
      if (flow.step === "code" && phone && phoneCodeHash) {
        await client.invoke(new Api.auth.CancelCode({ phoneNumber: phone, phoneCodeHash })).catch(() => undefined);
      }
      return { patch: cancelled, result: { flow: { ...flow, ...cancelled } } };
    });
  } catch (error) {
    // Telegram out of reach: its code simply expires there, and the flow still ends here.
    const unreachable =
      error instanceof TelegramNotConfiguredError || (error instanceof TelegramFailure && error.kind === "transient");
    if (!unreachable) throw error;
    await releaseLoginFlow(deps.db, flowId, cancelled);
    const flow = await findLoginFlow(deps.db, flowId);
    if (!flow) throw new DomainError("not_found", "This login was not found.");
    return { flow };
  }
}
