import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Gzip bytes of the build's script files a page loaded (URLs under /_next/static/ mapped to the build's static folder). */
export function gzipBytesOfScripts(
  urls: string[],
  staticDir = path.join(process.env.NEXT_DIST_DIR ?? ".next", "static"),
): { bytes: number; files: number } {
  const files = [
    ...new Set(
      urls.map((url) => new URL(url).pathname).filter((p) => p.startsWith("/_next/static/") && p.endsWith(".js")),
    ),
  ];
  const bytes = files.reduce((sum, file) => {
    const onDisk = path.join(staticDir, decodeURIComponent(file.slice("/_next/static/".length)));
    return sum + gzipSync(readFileSync(onDisk), { level: 9 }).length;
  }, 0);
  return { bytes, files: files.length };
}
