import Link from "next/link";
import { Banner } from "@/components/ui/banner";
import { Button, buttonClasses } from "@/components/ui/button";
import type { LoginView } from "@/lib/api/schemas/logins";

export function LoginDone({ flow, onAnother }: { flow: LoginView; onAnother(): void }) {
  const others = flow.otherSessions ?? 0;
  return (
    <div className="space-y-4">
      <Banner tone="success" title="Account added">
        The session is stored encrypted and the health monitor will watch it.
        {others > 0
          ? ` This account already had ${others} other session${others === 1 ? "" : "s"} in the console; this one was added beside ${others === 1 ? "it" : "them"}.`
          : ""}
      </Banner>
      <div className="flex gap-3">
        <Link href="/sessions" className={buttonClasses("primary")}>
          Go to sessions
        </Link>
        <Button variant="secondary" onClick={onAnother}>
          Add another account
        </Button>
      </div>
    </div>
  );
}
