export type SignInOutcome = { kind: "signed_in"; path: string } | { kind: "refused"; message: string };

const incorrect = "Email or password is incorrect.";
const failed = "Sign-in failed. Reload the page and try again.";

/** Signs in through Auth.js's credentials endpoint (CSRF token first), reading its JSON redirect answer. */
export async function requestSignIn(email: string, password: string, callbackPath: string): Promise<SignInOutcome> {
  const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken?: string };
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ email, password, csrfToken: csrf.csrfToken ?? "", callbackUrl: callbackPath }),
  });
  if (response.status === 429) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return { kind: "refused", message: body?.error?.message ?? "Too many failed sign-in attempts. Try again later." };
  }
  if (!response.ok) return { kind: "refused", message: failed };
  const { url } = (await response.json()) as { url?: string };
  const target = new URL(url ?? "/", window.location.href);
  const error = target.searchParams.get("error");
  if (error) return { kind: "refused", message: error === "CredentialsSignin" ? incorrect : failed };
  // "//host" as a path would leave the site when assigned to window.location.
  if (target.origin !== window.location.origin || target.pathname.startsWith("//"))
    return { kind: "signed_in", path: "/" };
  return { kind: "signed_in", path: target.pathname + target.search };
}
