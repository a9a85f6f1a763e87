"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { QueryStatus } from "@/components/ui/load-status";
import type { AddedMember } from "@/lib/api/schemas/team";
import { AddMemberForm } from "./add-member-form";
import { describeAction, type MemberAction } from "./member-actions";
import { MembersTable } from "./members-table";
import { TemporaryPasswordNotice } from "./temporary-password-notice";
import { useChangeMember, useMembers, useRemoveMember } from "./use-team";

export function TeamManager({ currentMemberId }: { currentMemberId: string }) {
  const members = useMembers();
  const change = useChangeMember();
  const remove = useRemoveMember();
  const [added, setAdded] = useState<AddedMember | null>(null);
  const [pending, setPending] = useState<MemberAction | null>(null);
  const described = pending ? describeAction(pending) : null;
  const running = change.isPending || remove.isPending;

  const open = (action: MemberAction) => {
    change.reset();
    remove.reset();
    setPending(action);
  };
  const confirm = () => {
    if (!pending || !described) return;
    const close = { onSuccess: () => setPending(null) };
    if (described.change) change.mutate({ id: pending.member.id, change: described.change }, close);
    else remove.mutate(pending.member.id, close);
  };

  return (
    <div className="space-y-6">
      {added ? <TemporaryPasswordNotice added={added} onDismiss={() => setAdded(null)} /> : null}
      <AddMemberForm onAdded={setAdded} />
      <section aria-labelledby="members-title" aria-busy={members.isPending}>
        <h2 id="members-title" className="mb-3 text-base font-semibold">
          Members
        </h2>
        <QueryStatus
          pending={members.isPending}
          error={members.error}
          loading="Loading members…"
          failed="Members could not be loaded"
        />
        {members.data ? (
          <MembersTable members={members.data.items} currentMemberId={currentMemberId} onAction={open} />
        ) : null}
      </section>
      <ConfirmDialog
        open={pending !== null}
        title={described?.title ?? ""}
        confirmLabel={described?.confirm ?? ""}
        destructive={described?.destructive}
        pending={running}
        error={(change.error ?? remove.error)?.message}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        {described?.body}
      </ConfirmDialog>
    </div>
  );
}
