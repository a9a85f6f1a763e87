"use client";

import { formatDateTime, untrustedText } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import type { MemberItem } from "@/lib/api/schemas/team";
import type { MemberAction } from "./member-actions";
import { Untrusted } from "@/components/ui/untrusted";

type Props = { members: MemberItem[]; currentMemberId: string; onAction(action: MemberAction): void };

export function MembersTable({ members, currentMemberId, onAction }: Props) {
  return (
    <Table caption="Team members">
      <thead>
        <tr>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Status</Th>
          <Th>Last sign-in</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {members.map((member) => {
          const self = member.id === currentMemberId;
          return (
            <tr key={member.id}>
              <Td className="font-medium">
                <Untrusted text={member.email} />{" "}
                {self ? <span className="text-xs font-normal text-zinc-500">(you)</span> : null}
              </Td>
              <Td>
                <Badge tone={member.role === "admin" ? "info" : "neutral"}>{member.role}</Badge>
              </Td>
              <Td>
                <MemberStatus member={member} />
              </Td>
              <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                {formatDateTime(member.lastSignInAt)}
              </Td>
              <Td className="text-right">
                {self ? (
                  <span className="text-xs text-zinc-500">Another admin can change your account</span>
                ) : (
                  <div className="flex justify-end gap-2">
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => onAction({ kind: "role", member })}
                      aria-label={`${member.role === "admin" ? "Make viewer" : "Make admin"}: ${untrustedText(member.email)}`}
                    >
                      {member.role === "admin" ? "Make viewer" : "Make admin"}
                    </Button>
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => onAction({ kind: member.disabled ? "enable" : "disable", member })}
                      aria-label={`${member.disabled ? "Enable" : "Disable"} ${untrustedText(member.email)}`}
                    >
                      {member.disabled ? "Enable" : "Disable"}
                    </Button>
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => onAction({ kind: "end_sign_ins", member })}
                      aria-label={`End sign-ins of ${untrustedText(member.email)}`}
                    >
                      End sign-ins
                    </Button>
                    <Button
                      size="sm"
                      variant="danger"
                      onClick={() => onAction({ kind: "remove", member })}
                      aria-label={`Remove ${untrustedText(member.email)}`}
                    >
                      Remove
                    </Button>
                  </div>
                )}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

function MemberStatus({ member }: { member: MemberItem }) {
  if (member.disabled) return <Badge tone="danger">Disabled</Badge>;
  if (member.mustChangePassword) return <Badge tone="warning">Temporary password</Badge>;
  return <Badge tone="success">Active</Badge>;
}
