import { describeDemoAccounts } from "@/sandbox/demo";

/** The sandbox's demo accounts and test-DC conventions, so a newcomer can try a login without a phone. */
export function DemoNumbers() {
  return (
    <aside
      aria-labelledby="demo-numbers"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950"
    >
      <h2 id="demo-numbers" className="font-semibold">
        Sandbox demo accounts
      </h2>
      <ul className="mt-2 space-y-2">
        {describeDemoAccounts().map((demo) => (
          <li key={demo.phone}>
            <span className="font-mono">+{demo.phone}</span>{" "}
            <span className="text-zinc-600 dark:text-zinc-400">{demo.name}</span>
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">
              code {demo.code}
              {demo.password ? `, two-step password ${demo.password}` : ""}
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
        Any number 99966XYYYY works too: it lives on DC X and its code is X five times.
      </p>
    </aside>
  );
}
