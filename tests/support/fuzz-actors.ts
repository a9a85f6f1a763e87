import type { Db } from "@/db";
import { memberWithToken } from "@/tests/support/route-database";
import type { Credential } from "./request-arbitraries";
import { sessionCookie } from "./session-cookie";

/** What a generated credential turns into: its header, and for a real one the member it acts for. */
export type ResolvedCredential = {
  headers: Record<string, string>;
  memberId?: string;
  tokenId?: string;
  role?: "admin" | "viewer";
  cookie: boolean;
};

/**
 * Real members for the fuzz: an admin and a viewer, each with an API token and a sign-in cookie. Their ids
 * are kept out of the generated path parameters, so no generated request can change who they are.
 */
export async function fuzzActors(db: Db, secret: string) {
  const admin = await memberWithToken(db, "fuzz-admin@example.com", "admin");
  const viewer = await memberWithToken(db, "fuzz-viewer@example.com", "viewer");
  const cookies = {
    admin: await sessionCookie(secret, admin.member),
    viewer: await sessionCookie(secret, viewer.member),
  };

  return function resolve(credential: Credential, bearerGarbage: string): ResolvedCredential {
    const bearer = (who: typeof admin, role: "admin" | "viewer") => ({
      headers: { authorization: `Bearer ${who.token}` },
      memberId: who.member.id,
      tokenId: who.tokenId,
      role,
      cookie: false,
    });
    const cookie = (who: typeof admin, role: "admin" | "viewer") => ({
      headers: { cookie: cookies[role] },
      memberId: who.member.id,
      role,
      cookie: true,
    });
    switch (credential) {
      case "none":
        return { headers: {}, cookie: false };
      case "garbage-authorization":
        return { headers: { authorization: bearerGarbage }, cookie: false };
      case "bearer-random":
        return { headers: { authorization: `Bearer ${bearerGarbage}` }, cookie: false };
      case "garbage-cookie":
        return {
          headers: {
            cookie: `tsc.session=${bearerGarbage}; __Host-tsc.session=${bearerGarbage}; authjs.callback-url=${bearerGarbage}`,
          },
          cookie: false,
        };
      case "viewer-token":
        return bearer(viewer, "viewer");
      case "admin-token":
        return bearer(admin, "admin");
      case "viewer-cookie":
        return cookie(viewer, "viewer");
      case "admin-cookie":
        return cookie(admin, "admin");
    }
  };
}
