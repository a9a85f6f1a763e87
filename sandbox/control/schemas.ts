import { z } from "zod";

export const accountBody = z.object({
  phone: z.string().min(1),
  firstName: z.string().max(64).optional(),
  lastName: z.string().max(64).optional(),
  username: z.string().max(32).optional(),
  password: z.string().min(1).nullable().optional(),
  hint: z.string().max(128).optional(),
  homeDc: z.number().int().optional(),
});

export const faultBody = z.object({
  method: z.string().optional(),
  error: z.string(),
  code: z.number().int(),
  times: z.number().int().min(0).optional(),
  phone: z.string().optional(),
});

export const transportFaultBody = z.object({
  kind: z.enum(["drop", "delay", "stall", "404"]),
  ms: z.number().int().min(0).optional(),
  times: z.number().int().min(0).optional(),
  phone: z.string().optional(),
});

export const tokenBody = z.object({ token: z.string().min(1) });

export const mintBody = z.object({ count: z.number().int().min(1).optional() });

export const freezeBody = z.object({
  untilDays: z.number().int().min(1).max(3650).optional(),
  appealUrl: z
    .url({ protocol: /^https?$/ })
    .max(512)
    .optional(),
});

export const restrictBody = z.object({
  reason: z.string().regex(/^[a-z_]{1,32}$/, "reason must be a lower-case word like spam or porn"),
  text: z.string().max(512).optional(),
  platform: z
    .string()
    .regex(/^[a-z_-]{1,32}$/)
    .optional(),
});
