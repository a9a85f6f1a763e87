import type { Metadata } from "next";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { adminExists } from "@/db/queries/users";
import { signInPath } from "@/lib/auth/cookies";
import { issueSetupToken } from "@/lib/auth/setup";
import { AuthCard } from "../_ui/auth-card";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "First-run setup" };

/** Exists only until the first admin does; afterwards it sends everyone to sign in. */
export default async function SetupPage() {
  await connection();
  const db = await getDb();
  if (await adminExists(db)) redirect(signInPath);
  await issueSetupToken(db);
  return (
    <AuthCard
      title="Set up the console"
      description={
        <p>
          Create the first admin. The one-time setup token is in the server log, on the line that says{" "}
          <q>setup token</q>.
        </p>
      }
    >
      <SetupForm />
    </AuthCard>
  );
}
