import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <p className="text-sm font-semibold text-zinc-500">404</p>
      <h1 className="text-2xl font-semibold">This page does not exist</h1>
      <Link href="/sessions" className={buttonClasses("secondary")}>
        Back to sessions
      </Link>
    </main>
  );
}
