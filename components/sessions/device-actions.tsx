"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { apiFetch } from "@/lib/api/client-fetch";
import { untrustedText } from "@/components/format";

type Action = {
  label: string;
  title: string;
  confirmLabel: string;
  explanation: string;
  method: "POST" | "DELETE";
  path: string;
};

/** An admin's change to the account's devices at Telegram, behind a confirmation; the lists refresh after. */
function DeviceAction({ sessionId, action }: { sessionId: string; action: Action }) {
  const [open, setOpen] = useState(false);
  const client = useQueryClient();
  const change = useMutation({
    mutationFn: () => apiFetch(action.path, { method: action.method }),
    onSuccess: async () => {
      setOpen(false);
      await Promise.all([
        client.refetchQueries({ queryKey: ["sessions", "devices", sessionId] }),
        client.invalidateQueries({ queryKey: ["sessions"] }),
      ]);
    },
  });
  return (
    <>
      <Button variant="danger" size="sm" onClick={() => setOpen(true)}>
        {action.label}
      </Button>
      <ConfirmDialog
        open={open}
        title={action.title}
        confirmLabel={action.confirmLabel}
        pending={change.isPending}
        error={change.error?.message}
        onConfirm={() => change.mutate()}
        onCancel={() => {
          setOpen(false);
          change.reset();
        }}
      >
        {action.explanation}
      </ConfirmDialog>
    </>
  );
}

const devicesPath = (sessionId: string) => `/api/v1/sessions/${encodeURIComponent(sessionId)}/authorizations`;

export function TerminateDeviceButton({
  sessionId,
  hash,
  device,
}: {
  sessionId: string;
  hash: string;
  device: string;
}) {
  const action: Action = {
    label: "Log out",
    title: `Log out ${device ? untrustedText(device) : "this device"}?`,
    confirmLabel: "Log it out",
    explanation: "Telegram ends this device's login at once. Whoever uses it would have to log in again.",
    method: "DELETE",
    path: `${devicesPath(sessionId)}/${encodeURIComponent(hash)}`,
  };
  return <DeviceAction sessionId={sessionId} action={action} />;
}

export function TerminateOthersButton({ sessionId }: { sessionId: string }) {
  const action: Action = {
    label: "Log out all other devices",
    title: "Log out every other device of this account?",
    confirmLabel: "Log them all out",
    explanation:
      "Telegram ends every login of this account except this session, including the console's other sessions of it, which become invalid.",
    method: "POST",
    path: `${devicesPath(sessionId)}/terminate-others`,
  };
  return <DeviceAction sessionId={sessionId} action={action} />;
}
