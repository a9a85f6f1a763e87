import { randomBytes } from "node:crypto";

export type Role = "admin" | "viewer";
export type Member = { email: string; password: string; role: Role };

/** The admin created by first-run setup (01-first-run), or by the admin CLI when a spec runs on its own. */
export const firstAdmin: Member = {
  email: "first-admin@e2e.test",
  password: "first-admin-e2e-password",
  role: "admin",
};

/** A password that meets the policy (12+ characters) and is unique to this run. */
export function freshPassword(): string {
  return `e2e-${randomBytes(12).toString("base64url")}`;
}

/** An email unique to this run, so specs never collide with each other or a previous run. */
export function freshEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}${randomBytes(3).toString("hex")}@e2e.test`;
}

export function freshMember(label: string, role: Role): Member {
  return { email: freshEmail(label), password: freshPassword(), role };
}
