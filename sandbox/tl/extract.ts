/**
 * Regenerates the layer schemas in this folder from the schemas the pinned clients ship:
 *   npx tsx sandbox/tl/extract.ts <Telethon 1.25.1's telethon_generator/data/api.tl>
 * GramJS's (layer 198) and mtcute's (@mtcute/node's core, its layer) are read from node_modules. Debian's python3-telethon ships
 * only generated code, so its layer-144 api.tl comes from Telethon's repository at tag v1.25.1.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseLine, type Combinator } from "./schema";
import { PRODUCED_CONSTRUCTORS, PRODUCED_WHERE_PRESENT, SPOKEN_METHODS } from "./spoken";

const require = createRequire(import.meta.url);
const SCALARS = new Set([
  "#",
  "int",
  "long",
  "double",
  "string",
  "bytes",
  "true",
  "Bool",
  "!X",
  "X",
  "int128",
  "int256",
]);

interface McArgument {
  name: string;
  type: string;
  typeModifiers?: { predicate?: string; isVector?: boolean };
}
interface McEntry {
  kind: "class" | "method";
  name: string;
  id: number;
  type: string;
  typeModifiers?: { isVector?: boolean };
  generics?: { name: string; type: string }[];
  arguments: McArgument[];
}

/** mtcute keeps its schema as JSON (int53 is its name for a long it hands out as a number). */
function mtcuteLines(): { layer: number; lines: string[] } {
  // @mtcute/node's own core: another @mtcute package may hoist a different core version to the top.
  const mtcuteRequire = createRequire(require.resolve("@mtcute/node"));
  const json = mtcuteRequire("@mtcute/core/tl/api-schema.json") as { l: number; e: McEntry[] };
  const typeText = (type: string, vector?: boolean) => {
    const t = type === "int53" ? "long" : type;
    return vector ? `Vector<${t}>` : t;
  };
  const line = (e: McEntry) => {
    const generics = (e.generics ?? []).map((g) => `{${g.name}:${g.type}}`);
    const args = e.arguments.map((a) => {
      const predicate = a.typeModifiers?.predicate ? `${a.typeModifiers.predicate}?` : "";
      return `${a.name}:${predicate}${typeText(a.type, a.typeModifiers?.isVector)}`;
    });
    return `${[`${e.name}#${e.id.toString(16).padStart(8, "0")}`, ...generics, ...args].join(" ")} = ${typeText(e.type, e.typeModifiers?.isVector)};`;
  };
  return {
    layer: json.l,
    lines: [
      // mtcute.* are mtcute's own placeholders, not Telegram's.
      ...json.e.filter((e) => e.kind === "class" && !e.name.startsWith("mtcute.")).map(line),
      "---functions---",
      ...json.e.filter((e) => e.kind === "method").map(line),
    ],
  };
}

function parseAll(lines: string[]): Combinator[] {
  let isMethod = false;
  const out: Combinator[] = [];
  for (const line of lines) {
    if (line.trim() === "---functions---") isMethod = true;
    else if (line.trim() === "---types---") isMethod = false;
    const c = parseLine(line, isMethod);
    if (c) out.push(c);
  }
  return out;
}

/** The spoken methods, the produced constructors (those a layer has), and every constructor a method parameter can hold. */
function subset(all: Combinator[], source: string): Combinator[] {
  const byName = new Map(all.map((c) => [c.name, c]));
  const picked = new Set<Combinator>();
  const seenTypes = new Set<string>();
  const addParamsOf = (c: Combinator) => {
    for (const p of c.params) {
      const type = /^[Vv]ector<(.+)>$/.exec(p.type)?.[1] ?? p.type;
      if (SCALARS.has(type) || seenTypes.has(type)) continue;
      seenTypes.add(type);
      for (const candidate of all) {
        if (!candidate.isMethod && candidate.type === type && !picked.has(candidate)) {
          picked.add(candidate);
          addParamsOf(candidate);
        }
      }
    }
  };
  for (const name of [...SPOKEN_METHODS, ...PRODUCED_CONSTRUCTORS]) {
    const c = byName.get(name);
    if (!c) throw new Error(`${source} has no ${name}`);
    picked.add(c);
    if (c.isMethod) addParamsOf(c);
  }
  for (const name of PRODUCED_WHERE_PRESENT) {
    const c = byName.get(name);
    if (c) picked.add(c);
  }
  return all.filter((c) => picked.has(c));
}

function write(layer: number, source: string, lines: string[]): void {
  const picked = subset(parseAll(lines), source);
  const text = [
    `// Layer ${layer}: what the sandbox speaks, cut from ${source} by sandbox/tl/extract.ts. Do not edit.`,
    ...picked.filter((c) => !c.isMethod).map((c) => c.line),
    "---functions---",
    ...picked.filter((c) => c.isMethod).map((c) => c.line),
    "",
  ].join("\n");
  writeFileSync(new URL(`./layer-${layer}.tl`, import.meta.url), text);
  console.log(`layer ${layer}: ${picked.length} combinators from ${source}`);
}

const telethonTl = process.argv[2];
if (!telethonTl) throw new Error("usage: npx tsx sandbox/tl/extract.ts <Telethon v1.25.1 api.tl>");
const telethonText = readFileSync(telethonTl, "utf8");
const telethonLayer = Number(/\/\/ LAYER (\d+)/.exec(telethonText)?.[1]);
write(telethonLayer, "Telethon 1.25.1 (telethon_generator/data/api.tl)", telethonText.split("\n"));
const gramjs = require("telegram/tl/apiTl.js") as string;
const { LAYER: gramjsLayer } = require("telegram/tl/AllTLObjects.js") as { LAYER: number };
write(gramjsLayer, "GramJS (telegram/tl/apiTl.js)", gramjs.split("\n"));
const mtcute = mtcuteLines();
write(mtcute.layer, "mtcute (@mtcute/core/tl/api-schema.json)", mtcute.lines);
