export type SignInOutcome =
  | { kind: "signed_in"; path: string }
  | { kind: "second_factor"; ticket: string }
  | { kind: "refused"; message: string };

const incorrect = "Email or password is incorrect.";
const failed = "Sign-in failed. Reload the page and try again.";
const wrongCode = "The code is not right, or the sign-in expired. Try again or start over.";

/** Signs in through Auth.js's credentials endpoint (CSRF token first), reading its JSON redirect answer. */
export async function requestSignIn(email: string, password: string, callbackPath: string): Promise<SignInOutcome> {
  const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken?: string };
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ email, password, csrfToken: csrf.csrfToken ?? "", callbackUrl: callbackPath }),
  });
  if (response.status === 429) return { kind: "refused", message: await throttledMessage(response) };
  if (!response.ok) return { kind: "refused", message: failed };
  const answer = (await response.json()) as { url?: string; secondFactor?: { ticket: string } };
  if (answer.secondFactor) return { kind: "second_factor", ticket: answer.secondFactor.ticket };
  return signedInAt(answer.url);
}

/** The factor step: the password step's ticket and a code from the app (or a recovery code), for the sign-in. */
export async function requestFactorStep(
  ticket: string,
  proof: { method: "totp" | "recovery"; code: string },
  callbackPath: string,
): Promise<SignInOutcome> {
  const response = await fetch("/api/auth/second-factor", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ticket, proof, callbackUrl: callbackPath }),
  });
  if (response.status === 429) return { kind: "refused", message: await throttledMessage(response) };
  if (response.status === 401) return { kind: "refused", message: wrongCode };
  if (!response.ok) return { kind: "refused", message: failed };
  return signedInAt(((await response.json()) as { url?: string }).url);
}

async function throttledMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? "Too many failed sign-in attempts. Try again later.";
}

function signedInAt(url: string | undefined): SignInOutcome {
  const target = new URL(url ?? "/", window.location.href);
  const error = target.searchParams.get("error");
  if (error) return { kind: "refused", message: error === "CredentialsSignin" ? incorrect : failed };
  // "//host" as a path would leave the site when assigned to window.location.
  if (target.origin !== window.location.origin || target.pathname.startsWith("//"))
    return { kind: "signed_in", path: "/" };
  return { kind: "signed_in", path: target.pathname + target.search };
}
