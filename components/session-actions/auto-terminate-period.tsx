"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { useSetTtl } from "./use-device-actions";

const choices = [7, 30, 90, 180, 365];

/** Admins only: after how many inactive days Telegram logs the account's devices out (account.setAuthorizationTTL). */
export function AutoTerminatePeriod({ sessionId }: { sessionId: string }) {
  const ttl = useSetTtl(sessionId);
  const [days, setDays] = useState("");
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Select
        label="Log out this account's devices inactive for"
        value={days}
        onChange={(e) => setDays(e.target.value)}
        hint={ttl.isSuccess ? `Saved: ${ttl.data.ttlDays} days.` : ttl.error?.message}
      >
        <option value="">Choose a period…</option>
        {choices.map((d) => (
          <option key={d} value={d}>
            {d} days
          </option>
        ))}
      </Select>
      <Button variant="secondary" disabled={!days} pending={ttl.isPending} onClick={() => ttl.mutate(Number(days))}>
        Save period
      </Button>
    </div>
  );
}
