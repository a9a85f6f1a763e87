/** How the console shows times, durations and latencies. Used in client components, so the browser's zone applies. */
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1_000],
];
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto", style: "short" });

/** "3 min ago", "in 2 days": the largest whole unit. */
export function formatRelative(iso: string | null, now: number, fallback = "Never"): string {
  if (!iso) return fallback;
  const diff = new Date(iso).getTime() - now;
  for (const [unit, ms] of units) {
    if (Math.abs(diff) >= ms || unit === "second") return relative.format(Math.trunc(diff / ms), unit);
  }
  return fallback;
}

/** "2 d 4 h", "5 min", "42 s": an age or a duration, the two largest units. */
export function formatDuration(ms: number): string {
  const parts: string[] = [];
  let rest = Math.max(0, ms);
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    if (count > 0 || (unit === "second" && parts.length === 0))
      parts.push(`${count} ${shortUnit[unit as keyof typeof shortUnit]}`);
    rest -= count * size;
    if (parts.length === 2) break;
  }
  return parts.join(" ");
}

const shortUnit = { day: "d", hour: "h", minute: "min", second: "s" };

/** "0:42", "12:05", "1:02:03": a countdown. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

export const formatLatency = (ms: number | null) => (ms === null ? "—" : `${ms} ms`);

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const precise = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** A timestamp to the second, for evidence. */
export const formatPrecise = (iso: string) => precise.format(new Date(iso));

/** A timestamp for tables; `fallback` when there is none. */
export function formatDateTime(iso: string | null, fallback = "Never"): string {
  return iso ? dateTime.format(new Date(iso)) : fallback;
}

const utc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A timestamp in UTC: the same on the server and in every browser, for titles rendered on the server. */
export const formatUtc = (iso: string) => `${utc.format(new Date(iso))} UTC`;

/** Control and format characters (bidi overrides and isolates, zero-width, BOM, C0/C1) and line/paragraph separators. */
// A zero-width joiner between two emoji (👨‍👩‍👧, ❤️‍🔥) draws one picture and hides nothing, so it is left alone.
const invisible =
  /(?!(?<=\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?)\u200D(?=\p{Extended_Pictographic}))[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** `\u202E` for a BMP code point, `\u{E0041}` above it. */
function escapeCodePoint(char: string): string {
  const hex = char.codePointAt(0)!.toString(16).toUpperCase();
  return hex.length <= 4 ? `\\u${hex.padStart(4, "0")}` : `\\u{${hex}}`;
}

export type TextPart = { text: string; escaped: boolean };

/**
 * Text someone else chose (a typed email, a Telegram name, a device field) split into plain runs and the escapes of
 * its invisible characters, so a U+202E or a zero-width space shows as `\u202E` instead of reordering or hiding text.
 */
export function untrustedParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(invisible)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), escaped: false });
    parts.push({ text: escapeCodePoint(match[0]), escaped: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), escaped: false });
  return parts;
}

/** The same as one string, for places that take no markup: titles, labels, dialog headings. */
export const untrustedText = (text: string) => text.replace(invisible, escapeCodePoint);
