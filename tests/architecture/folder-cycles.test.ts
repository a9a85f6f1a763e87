import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** The folder under lib/ a module belongs to (`lib/telegram/login/x.ts` → `telegram`), or null outside lib/. */
function libFolder(file: string): string | null {
  const [top, folder, ...rest] = path.relative(root, file).split(path.sep);
  return top === "lib" && folder && rest.length > 0 ? folder : null;
}

/** Every import specifier of a source file: static imports and exports, `import()` and `vi.mock` paths. */
function specifiers(source: string): string[] {
  const found = source.matchAll(
    /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bvi\.(?:mock|importActual)\s*\(\s*)["']([^"']+)["']/g,
  );
  return [...found].map((m) => m[1]!);
}

/** Folder-level edges between lib/ folders, `from → to`, each with one import that makes it. */
function folderEdges(files: { file: string; source: string }[]): Map<string, string> {
  const edges = new Map<string, string>();
  for (const { file, source } of files) {
    const from = libFolder(file);
    if (!from) continue;
    for (const spec of specifiers(source)) {
      const target = spec.startsWith("@/")
        ? path.join(root, spec.slice(2))
        : spec.startsWith(".")
          ? path.resolve(path.dirname(file), spec)
          : null;
      const to = target && libFolder(target.endsWith(".ts") ? target : `${target}/x`);
      if (to && to !== from && !edges.has(`${from} → ${to}`)) {
        edges.set(`${from} → ${to}`, `${path.relative(root, file)} imports ${spec}`);
      }
    }
  }
  return edges;
}

/** Pairs of lib/ folders that import each other. */
function twoWayCycles(edges: Map<string, string>): string[] {
  return [...edges.keys()]
    .map((edge) => edge.split(" → ") as [string, string])
    .filter(([from, to]) => from < to && edges.has(`${to} → ${from}`))
    .map(([a, b]) => `${a} ⇄ ${b}: ${edges.get(`${a} → ${b}`)}; ${edges.get(`${b} → ${a}`)}`);
}

function libSources(): { file: string; source: string }[] {
  return readdirSync(path.join(root, "lib"), { recursive: true, encoding: "utf8" })
    .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
    .map((name) => path.join(root, "lib", name))
    .map((file) => ({ file, source: readFileSync(file, "utf8") }));
}

describe("folder cycles under lib/", () => {
  it("finds a two-way cycle, so the check can fail", () => {
    const edges = folderEdges([
      { file: path.join(root, "lib/a/x.ts"), source: 'import { y } from "@/lib/b/y";\n' },
      { file: path.join(root, "lib/b/y.ts"), source: 'export { x } from "../a/x";\n' },
      { file: path.join(root, "lib/c/z.ts"), source: 'import type { y } from "@/lib/b";\n' },
    ]);
    expect([...edges.keys()]).toEqual(["a → b", "b → a", "c → b"]);
    expect(twoWayCycles(edges)).toHaveLength(1);
  });

  it("no two folders under lib/ import each other", () => {
    expect(twoWayCycles(folderEdges(libSources()))).toEqual([]);
  });
});
