import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

export type Access = "public" | "viewer" | "admin";
export type RouteEntry = { kind: "page" | "api"; file: string; urlPath: string; methods: string[]; access: Access };

const appDir = path.resolve("app");
const placeholderId = "00000000-0000-4000-8000-000000000000";
/** Routes meant to answer without a signed-in member; everything else must refuse. */
const publicPaths = [/^\/login$/, /^\/setup$/, /^\/forbidden$/, /^\/api\/auth\//, /^\/api\/healthz$/];

/** Every page and route handler under app/, read from the file tree so new routes are covered automatically. */
export function routeInventory(): RouteEntry[] {
  return walk(appDir).flatMap((file) => {
    const name = path.basename(file);
    if (name !== "page.tsx" && name !== "route.ts") return [];
    const urlPath = toUrlPath(path.relative(appDir, path.dirname(file)));
    const source = readFileSync(file, "utf8");
    const kind = name === "page.tsx" ? "page" : "api";
    const methods = kind === "page" ? ["GET"] : exportedMethods(source);
    return [{ kind, file: path.relative(process.cwd(), file), urlPath, methods, access: accessOf(urlPath, source) }];
  });
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

function toUrlPath(relativeDir: string): string {
  const segments = relativeDir
    .split(path.sep)
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => (segment.startsWith("[...") ? "session" : segment.startsWith("[") ? placeholderId : segment));
  return "/" + segments.join("/");
}

function exportedMethods(source: string): string[] {
  const found = source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g);
  return [...new Set([...found].map((match) => match[1] as string))];
}

function accessOf(urlPath: string, source: string): Access {
  if (publicPaths.some((pattern) => pattern.test(urlPath))) return "public";
  return /requirePage\(\s*"admin"|role:\s*"admin"/.test(source) ? "admin" : "viewer";
}
