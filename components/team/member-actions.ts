import type { MemberItem } from "@/lib/api/schemas/team";
import type { MemberRequest } from "./use-team";
import { untrustedText } from "@/components/format";

export type MemberAction = { kind: "role" | "disable" | "enable" | "end_sign_ins" | "remove"; member: MemberItem };

/** What each action asks before it runs, and what it sends. */
export function describeAction({ kind, member }: MemberAction): {
  title: string;
  body: string;
  confirm: string;
  destructive: boolean;
  request: MemberRequest;
  /** What to say once it worked, when the members list does not show it. */
  done?: string;
} {
  const email = untrustedText(member.email);
  switch (kind) {
    case "role": {
      const role = member.role === "admin" ? "viewer" : "admin";
      return {
        title: `Make ${email} ${role === "admin" ? "an admin" : "a viewer"}?`,
        body:
          role === "admin"
            ? "Admins can add and end Telegram sessions, manage the team and create API tokens."
            : "Viewers can only watch sessions. Their API tokens lose admin power too.",
        confirm: role === "admin" ? "Make admin" : "Make viewer",
        destructive: role === "viewer",
        request: { method: "PATCH", change: { role } },
      };
    }
    case "disable":
      return {
        title: `Disable ${email}?`,
        body: "They are signed out at once and cannot sign in, and their API tokens stop working, until an admin enables them again.",
        confirm: "Disable",
        destructive: true,
        request: { method: "PATCH", change: { disabled: true } },
      };
    case "enable":
      return {
        title: `Enable ${email}?`,
        body: "They can sign in again.",
        confirm: "Enable",
        destructive: false,
        request: { method: "PATCH", change: { disabled: false } },
      };
    case "end_sign_ins":
      return {
        title: `End every sign-in of ${email}?`,
        body: "Every browser they are signed in on is signed out at once and must sign in again. Their account and API tokens keep working.",
        confirm: "End sign-ins",
        destructive: true,
        request: { method: "DELETE", path: "/sign-ins" },
        done: `Every sign-in of ${email} was ended.`,
      };
    case "remove":
      return {
        title: `Remove ${email}?`,
        body: "Their account is deleted and the API tokens they created are revoked. The audit log keeps their name. This cannot be undone.",
        confirm: "Remove",
        destructive: true,
        request: { method: "DELETE", path: "" },
      };
  }
}
