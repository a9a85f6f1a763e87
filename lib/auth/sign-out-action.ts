"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { getActor } from "./request-actor";
import { signInPath, clearSessionCookie } from "./cookies";
import { requestMeta } from "@/lib/audit";
import { signOutMember } from "./sign-in";

/** Signs the caller out everywhere: their session version moves on, so every saved cookie stops working. */
export async function signOutAction(): Promise<void> {
  const requestHeaders = await headers();
  const actor = await getActor(requestHeaders);
  if (actor?.kind === "user") await signOutMember(await getDb(), actor, requestMeta(requestHeaders));
  await clearSessionCookie();
  redirect(signInPath);
}
