"use client";

import Link from "next/link";
import { useState } from "react";
import { useSession } from "@/components/sessions/use-session-detail";
import { Banner } from "@/components/ui/banner";
import { Button } from "@/components/ui/button";
import { deadStatuses } from "@/db/schema/telegram-sessions";
import { AutoTerminatePeriod } from "./auto-terminate-period";
import { EndSessionDialog } from "./end-session-dialog";
import { RotateDialog } from "./rotate-dialog";
import { untrustedText } from "@/components/format";

type Open = "rotate" | "revoke" | "forget" | null;
type Notice = { text: string; newSessionId?: string };

/** Admins only (the page mounts it for them): rotate, revoke or forget this session, each after a confirmation. */
export function SessionActions({ sessionId }: { sessionId: string }) {
  const session = useSession(sessionId);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const s = session.data;
  if (!s) return null;
  const name = untrustedText(s.account.displayName || s.account.phoneMasked);
  const usable = s.status === "active" || s.status === "degraded";
  const dead = deadStatuses.includes(s.status);
  return (
    <section aria-labelledby="session-actions" className="mt-8 space-y-3">
      <h2 id="session-actions" className="text-lg font-semibold">
        Manage this session
      </h2>
      {notice ? (
        <Banner tone="success" title={notice.text}>
          {notice.newSessionId ? (
            <Link href={`/sessions/${notice.newSessionId}`} className="underline">
              Open the new session
            </Link>
          ) : null}
        </Banner>
      ) : null}
      {s.status === "revoke_pending" ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Revoke pending: the logout at Telegram is retried automatically.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {usable ? (
          <Button variant="secondary" onClick={() => setOpen("rotate")}>
            Rotate session
          </Button>
        ) : null}
        {usable || s.status === "frozen" || dead ? (
          <Button variant="danger" onClick={() => setOpen("revoke")}>
            Revoke session
          </Button>
        ) : null}
        {dead ? (
          <Button variant="secondary" onClick={() => setOpen("forget")}>
            Forget locally
          </Button>
        ) : null}
      </div>
      {usable ? <AutoTerminatePeriod sessionId={sessionId} /> : null}
      <RotateDialog
        sessionId={sessionId}
        accountName={name}
        open={open === "rotate"}
        onClose={() => setOpen(null)}
        onRotated={(result) =>
          setNotice({
            text: "Rotated: a new session replaces this one, and the old key is logged out.",
            newSessionId: result.newSessionId,
          })
        }
      />
      {open === "revoke" || open === "forget" ? (
        <EndSessionDialog
          kind={open}
          sessionId={sessionId}
          accountName={name}
          open
          onClose={() => setOpen(null)}
          onDone={(text) => setNotice({ text })}
        />
      ) : null}
    </section>
  );
}
