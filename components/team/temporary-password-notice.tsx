"use client";

import { SecretOnceNotice } from "@/components/ui/secret-once-notice";
import type { AddedMember } from "@/lib/api/schemas/team";
import { untrustedText } from "@/components/format";

export function TemporaryPasswordNotice({ added, onDismiss }: { added: AddedMember; onDismiss(): void }) {
  return (
    <SecretOnceNotice
      title={`${untrustedText(added.member.email)} was added`}
      secret={added.temporaryPassword}
      copyLabel="Copy password"
      onDismiss={onDismiss}
    >
      Give them this temporary password through a channel you trust. It is shown only now; they must change it when they
      first sign in.
    </SecretOnceNotice>
  );
}
