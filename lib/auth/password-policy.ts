import { z } from "zod";

/** What a new password must satisfy: length, not composition rules (NIST SP 800-63B). */
export const newPasswordSchema = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(128, "Use at most 128 characters.");
