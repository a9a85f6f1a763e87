import { apiRoute, signedInMember } from "@/lib/api/handler";
import { factorItem, type FactorList, factorList } from "@/lib/api/schemas/second-factor";
import { factorOverview } from "@/lib/auth/second-factor";

/** The signed-in member's second factors and how many recovery codes they have left. */
export const GET = apiRoute(
  {
    summary: "List your second factors and how many recovery codes are left",
    response: factorList,
    role: "viewer",
    enrolment: true,
  },
  async ({ db, actor }): Promise<FactorList> => {
    const { factors, recoveryCodesLeft } = await factorOverview(db, signedInMember(actor).id);
    return { items: factors.map(factorItem), recoveryCodesLeft };
  },
);
