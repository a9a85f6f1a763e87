"use client";

import { Banner } from "@/components/ui/banner";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { CreatedToken } from "@/lib/api/schemas/tokens";

/** The one time a token is visible; the console keeps only its hash. */
export function NewTokenNotice({ created, onDismiss }: { created: CreatedToken; onDismiss(): void }) {
  return (
    <Banner tone="success" title={`Token “${created.item.name}” created`}>
      <p>Copy it now and store it in your secret manager: it will not be shown again. Send it as <code>Authorization: Bearer &lt;token&gt;</code>.</p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <code className="select-all break-all rounded bg-white/70 px-2 py-1 font-mono text-sm dark:bg-black/30">{created.token}</code>
        <CopyButton value={created.token} label="Copy token" />
        <Button variant="ghost" size="sm" onClick={onDismiss}>Done</Button>
      </div>
    </Banner>
  );
}
