"use client";

import { SecretOnceNotice } from "@/components/ui/secret-once-notice";
import type { CreatedToken } from "@/lib/api/schemas/tokens";
import { untrustedText } from "@/components/format";

/** The console keeps only the token's hash. */
export function NewTokenNotice({ created, onDismiss }: { created: CreatedToken; onDismiss(): void }) {
  return (
    <SecretOnceNotice
      title={`Token “${untrustedText(created.item.name)}” created`}
      secret={created.token}
      copyLabel="Copy token"
      onDismiss={onDismiss}
    >
      Copy it now and store it in your secret manager: it will not be shown again. Send it as{" "}
      <code>Authorization: Bearer &lt;token&gt;</code>.
    </SecretOnceNotice>
  );
}
