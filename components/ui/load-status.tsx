import { Banner } from "./banner";
import { Button } from "./button";

/** A part of a page while its data loads ("Loading…"), or why it could not be loaded; nothing once it is there. */
export function QueryStatus({
  pending,
  error,
  loading = "Loading…",
  failed = "Could not be loaded",
}: {
  pending: boolean;
  error: Error | null;
  loading?: string;
  failed?: string;
}) {
  return (
    <>
      {pending ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {loading}
        </p>
      ) : null}
      {error ? (
        <Banner tone="danger" title={failed}>
          {error.message}
        </Banner>
      ) : null}
    </>
  );
}

/** A whole view that could not be loaded, with a way to ask again. */
export function LoadFailed({
  title,
  reason,
  retrying,
  onRetry,
}: {
  title: string;
  reason?: string;
  retrying?: boolean;
  onRetry(): void;
}) {
  return (
    <div className="space-y-3">
      <Banner tone="danger" title={title}>
        {reason}
      </Banner>
      <Button variant="secondary" pending={retrying} onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
