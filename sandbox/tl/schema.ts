/** One TL combinator (constructor or method) of an API layer, as written in the layer's .tl schema. */
export interface Combinator {
  /** TL name, e.g. `auth.sendCode`. */
  name: string;
  /** GramJS's class name for it, e.g. `auth.SendCode`: the name the sandbox's handlers use. */
  className: string;
  id: number;
  params: Param[];
  /** Result type for a method, boxed type for a constructor (`auth.SentCode`, `X` for wrappers). */
  type: string;
  isMethod: boolean;
  line: string;
}

export interface Param {
  name: string;
  /** The camelCase field name the sandbox's objects use (GramJS's convention). */
  field: string;
  /** Value type without the flag condition: `int`, `Vector<long>`, `!X`, `#`, `CodeSettings`… */
  type: string;
  flag?: { field: string; bit: number };
}

export interface Schema {
  layer: number;
  byId: Map<number, Combinator>;
  byName: Map<string, Combinator>;
  byClassName: Map<string, Combinator>;
}

const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const camel = (s: string): string => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** GramJS's class name of a TL name: `auth.sendCode` → `auth.SendCode`, `user_full` → `UserFull`. */
export function classNameOf(tlName: string): string {
  const dot = tlName.lastIndexOf(".");
  const base = upperFirst(camel(tlName.slice(dot + 1))).replace(/_/g, "");
  return dot < 0 ? base : `${tlName.slice(0, dot)}.${base}`;
}

/** Parses one `name#id params = Type;` line; undefined for comments, blanks and built-in lines. */
export function parseLine(line: string, isMethod: boolean): Combinator | undefined {
  const match = /^([\w.]+)#([0-9a-f]{1,8})\s+(.*?)=\s*([\w.<>!%]+)\s*;\s*$/.exec(line.trim());
  if (!match) return undefined;
  const [, name, hex, paramText, type] = match as unknown as [string, string, string, string, string];
  const params: Param[] = [];
  for (const token of paramText.split(/\s+/).filter(Boolean)) {
    if (token.startsWith("{")) continue; // {X:Type}: the generic parameter of a wrapper
    const [paramName, rawType] = token.split(":") as [string, string];
    const conditional = /^(\w+)\.(\d+)\?(.+)$/.exec(rawType);
    params.push({
      name: paramName,
      field: camel(paramName),
      type: conditional ? conditional[3]! : rawType,
      flag: conditional ? { field: camel(conditional[1]!), bit: Number(conditional[2]) } : undefined,
    });
  }
  return { name, className: classNameOf(name), id: parseInt(hex, 16), params, type, isMethod, line: line.trim() };
}

/** Parses a .tl schema (types first, methods after `---functions---`). */
export function parseSchema(text: string, layer: number): Schema {
  const schema: Schema = { layer, byId: new Map(), byName: new Map(), byClassName: new Map() };
  let isMethod = false;
  for (const line of text.split("\n")) {
    if (line.trim() === "---functions---") isMethod = true;
    else if (line.trim() === "---types---") isMethod = false;
    const combinator = parseLine(line, isMethod);
    if (!combinator) continue;
    schema.byId.set(combinator.id, combinator);
    schema.byName.set(combinator.name, combinator);
    schema.byClassName.set(combinator.className, combinator);
  }
  return schema;
}
