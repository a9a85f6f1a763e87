import type { ReactNode } from "react";

/** A JSON Schema node as the OpenAPI document holds it (zod-openapi's output: 2020-12 keywords). */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
};

export const schemaAnchor = (name: string) => `schema-${name}`;
const refName = (ref: string) => ref.replace("#/components/schemas/", "");

/** The type in a few words: `string (uuid)`, `integer 1–100`, `"a" | "b"`, `SessionItem[]`, `… | null`. */
export function typeLabel(schema: JsonSchema): ReactNode {
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return (
      <a href={`#${schemaAnchor(name)}`} className="text-sky-700 underline dark:text-sky-400">
        {name}
      </a>
    );
  }
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  const union = schema.anyOf ?? schema.oneOf;
  if (union)
    return union.map((part, i) => (
      <span key={i}>
        {i > 0 ? " | " : null}
        {typeLabel(part)}
      </span>
    ));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.includes("array") && schema.items) return <>{typeLabel(schema.items)}[]</>;
  if (!types.length) return "any JSON";
  const bounds = [
    schema.format,
    range(schema.minimum, schema.maximum),
    range(schema.minLength, schema.maxLength, " chars"),
    range(schema.minItems, schema.maxItems, " items"),
  ].filter(Boolean);
  return `${types.join(" | ")}${bounds.length ? ` (${bounds.join(", ")})` : ""}`;
}

function range(min: number | undefined, max: number | undefined, unit = ""): string | undefined {
  const safe = (n: number | undefined) => (n !== undefined && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined);
  const [low, high] = [safe(min), safe(max)];
  if (low === undefined && high === undefined) return undefined;
  if (low === undefined) return `≤ ${high}${unit}`;
  if (high === undefined) return `≥ ${low}${unit}`;
  return `${low}–${high}${unit}`;
}

/** An object's fields as a nested list: name, type, whether it is required, its description; objects inline. */
export function SchemaView({ schema, depth = 0 }: { schema: JsonSchema; depth?: number }) {
  const object = schema.properties ? schema : (schema.anyOf ?? schema.oneOf)?.find((part) => part.properties);
  if (!object?.properties || depth > 6) {
    return (
      <p className="font-mono text-xs">
        {typeLabel(schema)}
        {schema.description ? <span className="ml-2 font-sans text-zinc-500">{schema.description}</span> : null}
      </p>
    );
  }
  const required = new Set(object.required ?? []);
  return (
    <ul className={`space-y-1 text-sm ${depth ? "ml-4 border-l border-zinc-200 pl-3 dark:border-zinc-800" : ""}`}>
      {Object.entries(object.properties).map(([name, field]) => {
        const nested = field.properties ? field : field.items?.properties ? field.items : undefined;
        return (
          <li key={name}>
            <span className="font-mono font-medium">{name}</span>
            {required.has(name) ? null : <span className="ml-1 text-xs text-zinc-500">optional</span>}
            <span className="ml-2 font-mono text-xs text-zinc-600 dark:text-zinc-400">
              {nested ? (field.items ? "object[]" : "object") : typeLabel(field)}
              {field.type && Array.isArray(field.type) && field.type.includes("null") && nested ? " | null" : null}
            </span>
            {field.description ? <span className="ml-2 text-xs text-zinc-500">{field.description}</span> : null}
            {nested ? <SchemaView schema={nested} depth={depth + 1} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
