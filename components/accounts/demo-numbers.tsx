"use client";

import type { DemoAccount } from "@/sandbox/demo";

/** The sandbox's demo accounts and test-DC conventions, so a newcomer can try a login without a phone. */
export function DemoNumbers({ demos, onPick }: { demos: DemoAccount[]; onPick(phone: string): void }) {
  return (
    <aside
      aria-labelledby="demo-numbers"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950"
    >
      <h2 id="demo-numbers" className="font-semibold">
        Sandbox demo accounts
      </h2>
      <ul className="mt-2 space-y-2">
        {demos.map((demo) => (
          <li key={demo.phone}>
            <button
              type="button"
              onClick={() => onPick(`+${demo.phone}`)}
              aria-label={`Use +${demo.phone} (${demo.name})`}
              className="font-mono text-sky-800 underline hover:no-underline dark:text-sky-300"
            >
              +{demo.phone}
            </button>{" "}
            <span className="text-zinc-700 dark:text-zinc-300">{demo.name}</span>
            <span className="block text-xs text-zinc-700 dark:text-zinc-300">
              code {demo.code}
              {demo.password ? `, two-step password ${demo.password}` : ""}
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-zinc-700 dark:text-zinc-300">
        Click a number to fill it in. Any number 99966XYYYY works too: it lives on DC X and its code is X five times.
      </p>
    </aside>
  );
}
