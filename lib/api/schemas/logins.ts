import { z } from "zod";
import { phoneSchema } from "@/lib/telegram/login/phone";

export const startLoginBody = z.object({ phone: phoneSchema });
export const codeBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{4,8}$/, "The code is 4 to 8 digits."),
});
export const passwordBody = z.object({ password: z.string().min(1, "Enter the password.").max(256) });
