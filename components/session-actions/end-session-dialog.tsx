"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useForget, useRevoke } from "./use-session-actions";

type Props = {
  kind: "revoke" | "forget";
  sessionId: string;
  accountName: string;
  open: boolean;
  onClose(): void;
  onDone(message: string): void;
};

const texts = {
  revoke: {
    title: (name: string) => `Revoke the session of ${name}?`,
    body: "The session is logged out at Telegram and its key is destroyed here. This cannot be undone.",
    confirm: "Revoke",
  },
  forget: {
    title: (name: string) => `Forget the session of ${name}?`,
    body: "Telegram no longer accepts this session. Its key is destroyed here without contacting Telegram. This cannot be undone.",
    confirm: "Forget",
  },
};

/** Confirms revoking (logout at Telegram) or forgetting (local only) a session, naming its account. */
export function EndSessionDialog({ kind, sessionId, accountName, open, onClose, onDone }: Props) {
  const revoke = useRevoke(sessionId);
  const forget = useForget(sessionId);
  const action = kind === "revoke" ? revoke : forget;
  const text = texts[kind];
  const close = () => {
    action.reset();
    onClose();
  };
  const confirm = () =>
    action.mutate(undefined, {
      onSuccess: (result) => {
        close();
        const pending = "nextAttemptAt" in result && result.status === "revoke_pending";
        onDone(
          pending
            ? "Telegram could not be reached. The session is revoke pending: nobody can use it, and the logout is retried automatically."
            : "The session is revoked and its key destroyed.",
        );
      },
    });
  return (
    <ConfirmDialog
      open={open}
      title={text.title(accountName)}
      confirmLabel={text.confirm}
      pending={action.isPending}
      error={action.error?.message}
      onConfirm={confirm}
      onCancel={close}
    >
      <p>{text.body}</p>
    </ConfirmDialog>
  );
}
