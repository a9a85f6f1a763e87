"use client";

import Image from "next/image";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import type { LoginView } from "@/lib/api/schemas/logins";
import { useCountdown } from "./use-countdown";

/** Shows the current QR code (the wizard asks whether it was scanned, see useQrRefresh). */
export function QrPanel({ flow }: { flow: LoginView }) {
  const [image, setImage] = useState<string | null>(null);
  const url = flow.qr?.url;
  const expiresIn = useCountdown(flow.qr?.expiresAt);

  useEffect(() => {
    if (!url) return;
    let live = true;
    void QRCode.toDataURL(url, { margin: 1, width: 240, errorCorrectionLevel: "M" }).then(
      (data) => live && setImage(data),
    );
    return () => {
      live = false;
    };
  }, [url]);

  return (
    <div className="space-y-3">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
        <li>Open Telegram on the account&apos;s phone.</li>
        <li>Go to Settings → Devices → Link Desktop Device.</li>
        <li>Point the phone at this code.</li>
      </ol>
      <div className="flex h-64 w-64 items-center justify-center rounded-md border border-zinc-200 bg-white p-2 dark:border-zinc-700">
        {image ? (
          <Image unoptimized src={image} alt="QR code to scan with the Telegram app" width={240} height={240} />
        ) : (
          <span className="text-sm text-zinc-500">Preparing the code…</span>
        )}
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
        {expiresIn > 0 ? `This code renews in ${expiresIn} s. Waiting for the scan…` : "Renewing the code…"}
      </p>
    </div>
  );
}
