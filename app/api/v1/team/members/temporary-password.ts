import { randomBytes } from "node:crypto";

/** 24 base64url characters (144 random bits): far beyond the password policy, and shown to the admin once. */
export function temporaryPassword(): string {
  return randomBytes(18).toString("base64url");
}
