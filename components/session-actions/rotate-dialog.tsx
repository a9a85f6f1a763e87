"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/field";
import { ApiRequestError } from "@/lib/api/client-fetch";
import type { RotateReply } from "@/lib/api/schemas/sessions";
import { useRotate } from "./use-session-actions";

type Props = {
  sessionId: string;
  accountName: string;
  open: boolean;
  onClose(): void;
  onRotated(result: RotateReply): void;
};

/** Confirms a rotation; when the account has two-step verification, asks for its password in the same dialog. */
export function RotateDialog({ sessionId, accountName, open, onClose, onRotated }: Props) {
  const rotate = useRotate(sessionId);
  const [password, setPassword] = useState("");
  const error = rotate.error;
  const asked = error instanceof ApiRequestError && error.code === "password_required";
  const wrong = error instanceof ApiRequestError && error.code === "telegram_refused" && password !== "";
  const needsPassword = asked || wrong || password !== "";
  const close = () => {
    setPassword("");
    rotate.reset();
    onClose();
  };
  const confirm = () =>
    rotate.mutate(needsPassword ? password : undefined, {
      onSuccess: (result) => {
        close();
        onRotated(result);
      },
    });
  return (
    <ConfirmDialog
      open={open}
      title={`Rotate the session of ${accountName}?`}
      confirmLabel={needsPassword ? "Rotate with password" : "Rotate"}
      destructive={false}
      pending={rotate.isPending}
      error={error && !asked ? error.message : undefined}
      onConfirm={confirm}
      onCancel={close}
    >
      <p>
        A new key is made from this session without a login code, then this key is logged out at Telegram. Anything
        still using the old session string stops working.
      </p>
      {needsPassword ? (
        <form
          className="mt-4"
          onSubmit={(event) => {
            event.preventDefault();
            confirm();
          }}
        >
          <Input
            label="Two-step verification password"
            type="password"
            autoComplete="off"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            hint={asked && error.fields.hint ? `Hint: ${error.fields.hint}` : "This account has two-step verification."}
            autoFocus
          />
        </form>
      ) : null}
    </ConfirmDialog>
  );
}
