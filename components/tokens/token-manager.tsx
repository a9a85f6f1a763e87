"use client";

import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryStatus } from "@/components/ui/load-status";
import type { CreatedToken, TokenItem } from "@/lib/api/schemas/tokens";
import { CreateTokenForm } from "./create-token-form";
import { NewTokenNotice } from "./new-token-notice";
import { TokensTable } from "./tokens-table";
import { useRevokeToken, useTokens } from "./use-tokens";
import { untrustedText } from "@/components/format";

export function TokenManager() {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<TokenItem | null>(null);
  const askToRevoke = (token: TokenItem) => {
    revoke.reset();
    setRevoking(token);
  };

  return (
    <section aria-labelledby="tokens-title" className="space-y-6">
      <div>
        <h2 id="tokens-title" className="text-lg font-semibold">
          API tokens
        </h2>
        <p className="mt-1 max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
          Scripts and CI call the same HTTP API as this console with a token. A token acts for the admin who created it
          and never has more power than they have now. Every route, with its parameters and answers, is in the{" "}
          <Link href="/api-reference" className="underline">
            API reference
          </Link>
          .
        </p>
      </div>
      {created ? <NewTokenNotice created={created} onDismiss={() => setCreated(null)} /> : null}
      <CreateTokenForm onCreated={setCreated} />
      <div aria-busy={tokens.isPending}>
        <QueryStatus
          pending={tokens.isPending}
          error={tokens.error}
          loading="Loading tokens…"
          failed="Tokens could not be loaded"
        />
        {tokens.data?.items.length === 0 ? (
          <EmptyState title="No API tokens">
            Create one above for each script or pipeline, so each can be revoked on its own.
          </EmptyState>
        ) : null}
        {tokens.data?.items.length ? <TokensTable tokens={tokens.data.items} onRevoke={askToRevoke} /> : null}
      </div>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${untrustedText(revoking?.name ?? "")}”?`}
        confirmLabel="Revoke"
        pending={revoke.isPending}
        error={revoke.error?.message}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
        onCancel={() => setRevoking(null)}
      >
        Anything still using this token gets “unauthenticated” from its next request. This cannot be undone.
      </ConfirmDialog>
    </section>
  );
}
