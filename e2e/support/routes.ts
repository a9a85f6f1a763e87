import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";

export type Access = "public" | "viewer" | "admin";
/** One thing to call: a page (GET) or one exported method of a route handler, with who may use it. */
export type Endpoint = {
  kind: "page" | "api";
  file: string;
  urlPath: string;
  method: string;
  access: Access;
  /** How the access level was found, so the summary shows what the inventory relied on. */
  reason: string;
};

const appDir = path.resolve("app");
const placeholderId = "00000000-0000-4000-8000-000000000000";
const httpMethods = "GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS";
/** Routes meant to answer without a signed-in member; everything else must refuse. */
const publicPaths = [/^\/login$/, /^\/setup$/, /^\/forbidden$/, /^\/api\/auth\//, /^\/api\/healthz$/];

/** Every page and route handler method under app/, read from the file tree so new routes are covered automatically. */
export function routeInventory(): Endpoint[] {
  return walk(appDir).flatMap((file): Endpoint[] => {
    const name = path.basename(file);
    if (!/^(page\.(tsx|ts|jsx|js|mdx)|route\.(ts|js))$/.test(name)) return [];
    const urlPath = toUrlPath(path.relative(appDir, path.dirname(file)));
    const source = readFileSync(file, "utf8");
    const relative = path.relative(process.cwd(), file);
    if (name.startsWith("page."))
      return [{ kind: "page", file: relative, urlPath, method: "GET", ...pageAccess(file, urlPath, source) }];
    return exportedMethods(source).map(({ method, declaration }) => ({
      kind: "api",
      file: relative,
      urlPath,
      method,
      ...apiAccess(urlPath, declaration, source),
    }));
  });
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** Route groups vanish, dynamic segments get a well-formed id that matches nothing, catch-alls a real Auth.js action. */
function toUrlPath(relativeDir: string): string {
  const segments = relativeDir
    .split(path.sep)
    .filter((segment) => segment && !/^\(.*\)$/.test(segment) && !segment.startsWith("@"))
    .map((segment) => (/^\[\[?\.\.\./.test(segment) ? "session" : segment.startsWith("[") ? placeholderId : segment));
  return "/" + segments.join("/");
}

/** `export const GET = …`, `export async function POST(…)`, `export { handler as PATCH }`, each with its declaration text. */
function exportedMethods(source: string): { method: string; declaration: string }[] {
  const found = new Map<string, string>();
  const declarations = [
    ...source.matchAll(new RegExp(`export\\s+(?:const|let|async\\s+function|function)\\s+(${httpMethods})\\b`, "g")),
  ];
  declarations.forEach((match, index) => {
    const end = declarations[index + 1]?.index ?? source.length;
    const next = source.indexOf("\nexport ", (match.index ?? 0) + 1);
    found.set(match[1]!, source.slice(match.index, Math.min(end, next === -1 ? source.length : next)));
  });
  for (const list of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const alias of list[1]!.matchAll(new RegExp(`\\bas\\s+(${httpMethods})\\b`, "g")))
      found.set(alias[1]!, source);
  }
  return [...found].map(([method, declaration]) => ({ method, declaration }));
}

function apiAccess(urlPath: string, declaration: string, source: string): Pick<Endpoint, "access" | "reason"> {
  if (publicPaths.some((pattern) => pattern.test(urlPath))) return { access: "public", reason: "public path" };
  const role =
    /apiRoute\(\s*\{[^]*?\brole:\s*"(admin|viewer)"/.exec(declaration)?.[1] ??
    /apiRoute\(\s*\{[^]*?\brole:\s*"(admin|viewer)"/.exec(source)?.[1];
  if (role === "admin" || role === "viewer") return { access: role, reason: `apiRoute role "${role}"` };
  // Deny by default: a handler whose guard the inventory cannot read is held to the strictest rule.
  return { access: "admin", reason: "no apiRoute role found: treated as admin" };
}

function pageAccess(file: string, urlPath: string, source: string): Pick<Endpoint, "access" | "reason"> {
  if (publicPaths.some((pattern) => pattern.test(urlPath))) return { access: "public", reason: "public path" };
  if (isAdminGuard(source)) return { access: "admin", reason: 'requirePage("admin")' };
  for (let dir = path.dirname(file); dir.startsWith(appDir); dir = path.dirname(dir)) {
    const layout = ["layout.tsx", "layout.ts"]
      .map((name) => path.join(dir, name))
      .find((candidate) => existsSync(candidate));
    if (layout && isAdminGuard(readFileSync(layout, "utf8")))
      return { access: "admin", reason: `admin layout ${path.relative(appDir, layout)}` };
  }
  return { access: "viewer", reason: "signed-in members" };
}

function isAdminGuard(source: string): boolean {
  return /requirePage\(\s*"admin"\s*\)/.test(source);
}
