"use client";

import { Banner } from "@/components/ui/banner";
import { Button } from "@/components/ui/button";

/** Shown when a console page fails to render; the digest ties it to the server log without exposing details. */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset(): void }) {
  return (
    <div className="space-y-4">
      <Banner tone="danger" title="This page could not be shown">
        <p>Something went wrong on our side. It has been logged{error.digest ? ` (reference ${error.digest})` : ""}.</p>
      </Banner>
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
