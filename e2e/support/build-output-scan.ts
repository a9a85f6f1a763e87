import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Canary } from "./leak-canaries";

/** The build the e2e server runs from (server.ts starts `npm start`'s server with the same NEXT_DIST_DIR). */
export const buildOutputDir = path.resolve(process.env.NEXT_DIST_DIR ?? ".next");

/** A byte sequence to look for, and what it is. */
export type Needle = { label: string; bytes: Buffer };

export type FolderScan = { files: number; bytes: number; writtenSince: number; hits: string[] };

/**
 * A canary as bytes: each text form as UTF-8, and each hex form also as the raw bytes it spells (an auth key
 * written by a binary cache would not be hex).
 */
export function needlesOf(canary: Canary): Needle[] {
  return canary.forms.flatMap((form) => {
    const needles = [{ label: canary.label, bytes: Buffer.from(form, "utf8") }];
    if (/^(?:[0-9a-f]{2}){16,}$/.test(form))
      needles.push({ label: `${canary.label} (raw bytes)`, bytes: Buffer.from(form, "hex") });
    return needles;
  });
}

/**
 * Every file under `dir`, text or binary, searched byte for byte for every needle. `since` (epoch ms)
 * counts the files written after it, e.g. by a running server's page or data cache.
 */
export function scanFolder(dir: string, needles: Needle[], since = Number.POSITIVE_INFINITY): FolderScan {
  const scan: FolderScan = { files: 0, bytes: 0, writtenSince: 0, hits: [] };
  for (const file of filesUnder(dir)) {
    const content = readFileSync(file);
    scan.files++;
    scan.bytes += content.length;
    if (statSync(file).mtimeMs > since) scan.writtenSince++;
    for (const needle of needles) {
      if (content.includes(needle.bytes)) scan.hits.push(`${needle.label} in ${path.relative(dir, file)}`);
    }
  }
  return scan;
}

/** Regular files only: a symbolic link could lead out of the folder, and the same file is met where it lives. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.isFile() ? [full] : [];
  });
}
