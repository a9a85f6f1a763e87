"use client";

import { formatDateTime, untrustedText } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import type { TokenItem } from "@/lib/api/schemas/tokens";
import { Untrusted } from "@/components/ui/untrusted";

export function TokensTable({ tokens, onRevoke }: { tokens: TokenItem[]; onRevoke(token: TokenItem): void }) {
  return (
    <Table caption="API tokens">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Token</Th>
          <Th>Scope</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>Expires</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id}>
            <Td className="font-medium">
              <Untrusted text={token.name} />
            </Td>
            <Td>
              <code className="font-mono text-xs">{token.prefix}…</code>
            </Td>
            <Td>
              <Badge tone={token.scope === "admin" ? "warning" : "neutral"}>{token.scope}</Badge>
              {token.use ? (
                <span className="mt-1 block text-xs text-zinc-600 dark:text-zinc-400">
                  <code>{token.use.methods.join(", ")}</code>
                  {token.use.sessionIds ? ` · ${token.use.sessionIds.length} sessions` : " · every session"}
                  {token.use.lease ? " · leases" : ""}
                </span>
              ) : null}
            </Td>
            <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
              {formatDateTime(token.createdAt)}
              {token.createdBy ? (
                <span className="block text-xs">
                  by <Untrusted text={token.createdBy} />
                </span>
              ) : null}
            </Td>
            <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">{formatDateTime(token.lastUsedAt)}</Td>
            <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
              {formatDateTime(token.expiresAt, "Never")}
            </Td>
            <Td className="text-right">
              <Button
                size="sm"
                variant="danger"
                onClick={() => onRevoke(token)}
                aria-label={`Revoke ${untrustedText(token.name)}`}
              >
                Revoke
              </Button>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
