import { apiRoute, signedInMember } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/common";
import { factorItem, factorItemSchema, type FactorItem } from "@/lib/api/schemas/second-factor";
import { removeOwnFactor } from "@/lib/auth/second-factor";

/** Removes one of the member's factors (the last one takes the recovery codes with it); asks for a recent proof. */
export const DELETE = apiRoute(
  {
    summary: "Remove one of your second factors (needs a recent factor proof)",
    response: factorItemSchema,
    role: "viewer",
    params: idParams,
    stepUp: true,
    audit: { action: "second_factor.remove", target: ({ params }) => params.id },
  },
  async ({ db, actor, params, note }): Promise<FactorItem> => {
    const member = signedInMember(actor);
    const removed = await removeOwnFactor(db, member.id, params.id);
    note({ detail: { kind: removed.kind, name: removed.name } });
    return factorItem(removed);
  },
);
