"use client";

import { useEffect, useRef, useState } from "react";
import { ApiRequestError } from "@/lib/api/client-fetch";
import type { LoginView } from "@/lib/api/schemas/logins";
import { loginApi } from "./login-api";

const pollEveryMs = 3000;
/** Failures the next refresh usually gets past: another request holds the login, Telegram or the network is slow. */
const passingCodes = new Set(["login_busy", "telegram_unavailable", "network_error"]);
/** How long such failures in a row stay quiet before the admin is told. */
const quietForMs = 30_000;

/**
 * While `flow` waits for its QR code to be scanned, asks the console whether it was, one request at a time: the
 * next one starts 3 s after the last answer, however long a step takes (a move to the account's home DC makes a
 * key there). Each answer goes to `onFlow` (a new code, or the next step). A passing failure keeps the last code
 * on screen and is retried quietly until such failures have lasted 30 s; any other failure is shown at once and
 * `onFailure` reads the flow again (it may have expired). Returns the error to show for this flow, if any.
 */
export function useQrRefresh(
  flow: LoginView | null,
  onFlow: (flow: LoginView) => void,
  onFailure: () => void,
): unknown {
  const flowId = flow?.id ?? null;
  const waiting = flow?.step === "qr";
  const [failure, setFailure] = useState<{ flowId: string; error: unknown } | null>(null);
  const handlers = useRef({ onFlow, onFailure });
  useEffect(() => {
    handlers.current = { onFlow, onFailure };
  });

  useEffect(() => {
    if (!flowId || !waiting) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failingSince: number | null = null;
    const refresh = async () => {
      try {
        const next = await loginApi.refreshQr(flowId);
        if (!live) return;
        failingSince = null;
        setFailure(null);
        handlers.current.onFlow(next);
      } catch (error) {
        if (!live) return;
        failingSince ??= Date.now();
        const passing = error instanceof ApiRequestError && passingCodes.has(error.code);
        if (!passing || Date.now() - failingSince >= quietForMs) {
          setFailure({ flowId, error });
          handlers.current.onFailure();
        }
      }
      if (live) timer = setTimeout(() => void refresh(), pollEveryMs);
    };
    timer = setTimeout(() => void refresh(), pollEveryMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [flowId, waiting]);

  return failure?.flowId === flowId ? failure.error : null;
}
