import { z } from "zod";
import type { FactorSummary } from "@/db/queries/second-factors";
import { factorProofSchema } from "@/lib/auth/second-factor";
import { factorKindEnum } from "@/db/schema/second-factors";
import { iso, isoOrNull } from "@/lib/http/json-dates";
import { isoDate, isoDateOrNull } from "./common";

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

export const factorItemSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(factorKindEnum.enumValues),
    name: z.string(),
    createdAt: isoDate,
    lastUsedAt: isoDateOrNull,
  })
  .meta({ id: "FactorItem" });

export const factorList = z.object({ items: z.array(factorItemSchema), recoveryCodesLeft: z.number().int() });
export const totpEnrolment = z.object({ id: z.uuid(), secret: z.string(), uri: z.string() });
export const confirmedFactor = z.object({ item: factorItemSchema, recoveryCodes: z.array(z.string()).nullable() });
export const recoveryCodesReply = z.object({ recoveryCodes: z.array(z.string()) });
export const stepUpReply = z.object({ proved: z.literal(true) });
