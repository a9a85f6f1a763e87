import { readdirSync } from "node:fs";
import path from "node:path";

const appDir = path.resolve(import.meta.dirname, "../../app");
const methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

/** A segment of a route's path: literal text, `[name]` or `[...name]`. */
export type Segment = { kind: "literal"; text: string } | { kind: "param" | "catchAll"; name: string };

export type DiscoveredRoute = {
  file: string;
  pattern: string;
  segments: Segment[];
  method: string;
  handler: RouteHandler;
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

function segmentsOf(file: string): Segment[] {
  return (
    path
      .relative(appDir, path.dirname(file))
      .split(path.sep)
      // Route groups `(name)` and private folders `_name` are not part of the URL.
      .filter((part) => part && !/^\(.*\)$/.test(part) && !part.startsWith("_"))
      .map((part): Segment => {
        const catchAll = /^\[\[?\.\.\.(.+?)\]\]?$/.exec(part);
        if (catchAll?.[1]) return { kind: "catchAll", name: catchAll[1] };
        const param = /^\[(.+)\]$/.exec(part);
        return param?.[1] ? { kind: "param", name: param[1] } : { kind: "literal", text: part };
      })
  );
}

/** Every exported method of every route handler under app/api, imported as Next would load it. */
export async function discoverApiRoutes(): Promise<DiscoveredRoute[]> {
  const found: DiscoveredRoute[] = [];
  for (const file of routeFiles(path.join(appDir, "api")).sort()) {
    const segments = segmentsOf(file);
    const pattern =
      "/" +
      segments
        .map((s) => (s.kind === "literal" ? s.text : s.kind === "param" ? `[${s.name}]` : `[...${s.name}]`))
        .join("/");
    const exports = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const method of methods) {
      const handler = exports[method];
      if (typeof handler === "function")
        found.push({ file: path.relative(appDir, file), pattern, segments, method, handler: handler as RouteHandler });
    }
  }
  return found;
}
