import { headers as requestHeaders } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/db/schema";
import { hasRole, type UserActor } from "./actors";
import { getActor } from "./request-actor";
import { changePasswordPath, enrolFactorPath, signInPath } from "./cookies";

// The guard of pages, layouts and server actions (it redirects); API routes find their actor with getActor (request-actor.ts).

// Layouts and the page of one request each call the guard: the member is looked up once per request.
const requestActor = cache(async () => getActor(await requestHeaders()));

/** The signed-in member, for pages that a member with a temporary password may still open. */
export async function requireSignedIn(): Promise<UserActor> {
  const actor = await requestActor();
  if (actor?.kind !== "user") redirect(signInPath);
  return actor;
}

/**
 * The guard of every page, layout and server action: signed in, password not temporary, a second factor when the
 * policy requires one, role strong enough.
 */
export async function requirePage(role: Role = "viewer"): Promise<UserActor> {
  const actor = await requireSignedIn();
  if (actor.mustChangePassword) redirect(changePasswordPath);
  if (actor.mustEnrolFactor) redirect(enrolFactorPath);
  if (!hasRole(actor, role)) forbidden();
  return actor;
}
