export const signInPath = "/login";
export const changePasswordPath = "/change-password";
export const setupPath = "/setup";

/** Where to go after signing in: a path on this site only, never another origin (open redirect). */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  return value;
}
