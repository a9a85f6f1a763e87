"use client";

import { useState } from "react";
import { Banner } from "@/components/ui/banner";
import { Button } from "@/components/ui/button";
import { needsStepUp, StepUpForm } from "@/components/security/step-up-form";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { QueryStatus } from "@/components/ui/load-status";
import type { AddedMember } from "@/lib/api/schemas/team";
import { AddMemberForm } from "./add-member-form";
import { describeAction, type MemberAction } from "./member-actions";
import { MembersTable } from "./members-table";
import { TemporaryPasswordNotice } from "./temporary-password-notice";
import { useMemberRequest, useMembers } from "./use-team";

export function TeamManager({ currentMemberId }: { currentMemberId: string }) {
  const members = useMembers();
  const request = useMemberRequest();
  const [added, setAdded] = useState<AddedMember | null>(null);
  const [pending, setPending] = useState<MemberAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const described = pending ? describeAction(pending) : null;

  const open = (action: MemberAction) => {
    request.reset();
    setDone(null);
    setPending(action);
  };
  const confirm = () => {
    if (!pending || !described) return;
    request.mutate(
      { id: pending.member.id, request: described.request },
      {
        onSuccess: () => {
          setPending(null);
          setDone(described.done ?? null);
        },
      },
    );
  };

  return (
    <div className="space-y-6">
      {added ? <TemporaryPasswordNotice added={added} onDismiss={() => setAdded(null)} /> : null}
      {done ? (
        <Banner tone="success" title={done}>
          <Button size="sm" variant="secondary" onClick={() => setDone(null)}>
            Dismiss
          </Button>
        </Banner>
      ) : null}
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
        pending={request.isPending}
        error={needsStepUp(request.error) ? undefined : request.error?.message}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        {described?.body}
        {needsStepUp(request.error) ? (
          <StepUpForm onProved={async () => confirm()} onCancel={() => request.reset()} />
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
