import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <p className="text-sm font-semibold text-zinc-500">403</p>
      <h1 className="text-2xl font-semibold">You do not have access to this page</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        It is for admins. Ask an admin of this console if you need it.
      </p>
      <Link href="/sessions" className={buttonClasses("secondary")}>
        Back to sessions
      </Link>
    </main>
  );
}
