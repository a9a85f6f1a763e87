import { untrustedParts } from "@/components/format";

/**
 * Text someone else chose, shown as it is: isolated from the surrounding direction (`<bdi>`) and with every control
 * or format character as a visible escape, so a name cannot pass for another or reorder its neighbours.
 */
export function Untrusted({ text, fallback = "" }: { text: string | null | undefined; fallback?: string }) {
  if (!text) return fallback;
  return (
    <bdi>
      {untrustedParts(text).map((part, i) =>
        part.escaped ? (
          <span
            key={i}
            data-escaped=""
            className="rounded bg-amber-100 px-0.5 font-mono text-[0.85em] text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          >
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </bdi>
  );
}
