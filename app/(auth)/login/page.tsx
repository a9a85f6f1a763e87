import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { adminExists } from "@/db/queries/users";
import { getActor } from "@/lib/auth/request-actor";
import { changePasswordPath, enrolFactorPath, requestOrigin, safeCallbackPath, setupPath } from "@/lib/auth/cookies";
import { AuthCard } from "../_ui/auth-card";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

const notices: Record<string, string> = {
  "setup-done": "The console is set up. Sign in with the admin account you just created.",
  "password-changed": "Your password was changed. Sign in with the new one.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const requestHeaders = await headers();
  const actor = await getActor(requestHeaders);
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl, requestOrigin(requestHeaders));
  if (actor?.kind === "user")
    redirect(actor.mustChangePassword ? changePasswordPath : actor.mustEnrolFactor ? enrolFactorPath : callbackPath);
  if (!(await adminExists(await getDb()))) redirect(setupPath);
  const notice = typeof params.notice === "string" ? (notices[params.notice] ?? null) : null;
  return (
    <AuthCard title="Sign in">
      <LoginForm callbackPath={callbackPath} notice={notice} />
    </AuthCard>
  );
}
