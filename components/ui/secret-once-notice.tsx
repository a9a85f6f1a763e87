"use client";

import type { ReactNode } from "react";
import { Banner } from "@/components/ui/banner";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/** The one time a secret (a token, a temporary password) is visible; dismissing it forgets it. */
export function SecretOnceNotice({
  title,
  secret,
  copyLabel,
  onDismiss,
  children,
}: {
  title: string;
  secret: string;
  copyLabel: string;
  onDismiss(): void;
  children: ReactNode;
}) {
  return (
    <Banner tone="success" title={title}>
      <p>{children}</p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <code className="select-all break-all rounded bg-white/70 px-2 py-1 font-mono text-sm dark:bg-black/30">
          {secret}
        </code>
        <CopyButton value={secret} label={copyLabel} />
        <Button variant="ghost" size="sm" onClick={onDismiss}>
          Done
        </Button>
      </div>
    </Banner>
  );
}
