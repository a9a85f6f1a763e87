import { z } from "zod";
import type { FactorSummary } from "@/db/queries/second-factors";
import { factorProofSchema } from "@/lib/auth/second-factor";
import { iso, isoOrNull } from "@/lib/http/json-dates";

export const beginTotpBody = z.object({
  name: z.string().trim().min(1, "Name the app.").max(60, "Use at most 60 characters."),
});

export const confirmTotpBody = z.object({ id: z.uuid("Not a valid id."), code: z.string().max(32) });

export const stepUpBody = z.object({ proof: factorProofSchema });

export type FactorItem = {
  id: string;
  kind: FactorSummary["kind"];
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
};

export type FactorList = { items: FactorItem[]; recoveryCodesLeft: number };

/** Answer to starting a TOTP enrolment: the secret and its otpauth URI, shown this once. */
export type TotpEnrolment = { id: string; secret: string; uri: string };

/** Answer to confirming a factor: the recovery codes appear here once, with the member's first factor. */
export type ConfirmedFactor = { item: FactorItem; recoveryCodes: string[] | null };

export function factorItem(factor: FactorSummary): FactorItem {
  const { id, kind, name } = factor;
  return { id, kind, name, createdAt: iso(factor.createdAt), lastUsedAt: isoOrNull(factor.lastUsedAt) };
}
