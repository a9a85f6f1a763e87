import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <EmptyState
      title="Not found"
      action={
        <Link href="/sessions" className={buttonClasses("secondary")}>
          Back to sessions
        </Link>
      }
    >
      <p>There is nothing at this address, or it was removed.</p>
    </EmptyState>
  );
}
