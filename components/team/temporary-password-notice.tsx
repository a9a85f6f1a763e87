"use client";

import { Banner } from "@/components/ui/banner";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { AddedMember } from "@/lib/api/schemas/team";

/** The one time a temporary password is visible; dismissing it forgets it. */
export function TemporaryPasswordNotice({ added, onDismiss }: { added: AddedMember; onDismiss(): void }) {
  return (
    <Banner tone="success" title={`${added.member.email} was added`}>
      <p>Give them this temporary password through a channel you trust. It is shown only now; they must change it when they first sign in.</p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <code className="select-all rounded bg-white/70 px-2 py-1 font-mono text-sm dark:bg-black/30">{added.temporaryPassword}</code>
        <CopyButton value={added.temporaryPassword} label="Copy password" />
        <Button variant="ghost" size="sm" onClick={onDismiss}>Done</Button>
      </div>
    </Banner>
  );
}
