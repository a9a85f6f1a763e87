import { Badge, type BadgeTone } from "@/components/ui/badge";
import { SchemaView, schemaAnchor, typeLabel, type JsonSchema } from "./schema-view";

type Parameter = { in: string; name: string; required?: boolean; description?: string; schema: JsonSchema };
type Content = { content?: Record<string, { schema: JsonSchema }> };
type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: Content & { required?: boolean };
  responses: Record<string, Content & { description?: string }>;
};
/** The parts of an OpenAPI 3.1 document the reference shows. */
export type ReferenceDocument = {
  info: { title: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

const methodTone: Record<string, BadgeTone> = { get: "info", post: "success", patch: "warning", delete: "danger" };

/** The API reference, rendered on the server from the OpenAPI document: no script, nothing fetched. */
export function ApiReference({ document }: { document: ReferenceDocument }) {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
  const tags = [...new Set(operations.map((o) => o.operation.tags?.[0] ?? "api"))];
  return (
    <div className="space-y-10">
      <nav aria-label="API sections" className="flex flex-wrap gap-2 text-sm">
        {tags.map((tag) => (
          <a key={tag} href={`#tag-${tag}`} className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700">
            {tag}
          </a>
        ))}
        <a href="#schemas" className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700">
          schemas
        </a>
      </nav>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-3">
          <h2 id={`tag-${tag}`} className="text-lg font-semibold">
            {tag}
          </h2>
          {operations
            .filter((o) => (o.operation.tags?.[0] ?? "api") === tag)
            .map(({ path, method, operation }) => (
              <OperationView key={operation.operationId} path={path} method={method} operation={operation} />
            ))}
        </section>
      ))}
      <section aria-labelledby="schemas" className="space-y-3">
        <h2 id="schemas" className="text-lg font-semibold">
          Schemas
        </h2>
        {Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => (
          <div
            key={name}
            id={schemaAnchor(name)}
            className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
          >
            <h3 className="mb-2 font-mono text-sm font-semibold">{name}</h3>
            {schema.description ? <p className="mb-2 text-sm text-zinc-600">{schema.description}</p> : null}
            <SchemaView schema={schema} />
          </div>
        ))}
      </section>
    </div>
  );
}

function OperationView({ path, method, operation }: { path: string; method: string; operation: Operation }) {
  const body = operation.requestBody?.content?.["application/json"]?.schema;
  return (
    <details id={operation.operationId} className="rounded-lg border border-zinc-200 dark:border-zinc-800">
      <summary className="flex cursor-pointer flex-wrap items-center gap-3 px-4 py-3">
        <Badge tone={methodTone[method] ?? "neutral"}>{method.toUpperCase()}</Badge>
        <code className="text-sm">{path}</code>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">{operation.summary}</span>
      </summary>
      <div className="space-y-4 border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
        {operation.description?.split("\n\n").map((paragraph, i) => (
          <p key={i} className="max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
            {paragraph}
          </p>
        ))}
        {operation.parameters?.length ? (
          <div>
            <h4 className="mb-1 text-sm font-semibold">Parameters</h4>
            <table className="text-sm">
              <tbody>
                {operation.parameters.map((p) => (
                  <tr key={`${p.in}-${p.name}`}>
                    <td className="pr-4 font-mono">{p.name}</td>
                    <td className="pr-4 text-xs text-zinc-500">
                      {p.in}
                      {p.required ? ", required" : ""}
                    </td>
                    <td className="font-mono text-xs">
                      {typeLabel(p.schema)}
                      {p.schema.default !== undefined ? ` = ${JSON.stringify(p.schema.default)}` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {body ? (
          <div>
            <h4 className="mb-1 text-sm font-semibold">
              Request body (JSON{operation.requestBody?.required ? "" : ", optional"})
            </h4>
            <SchemaView schema={body} />
          </div>
        ) : null}
        <div>
          <h4 className="mb-1 text-sm font-semibold">Responses</h4>
          <dl className="space-y-2">
            {Object.entries(operation.responses).map(([status, response]) => {
              const schema = response.content?.["application/json"]?.schema;
              return (
                <div key={status}>
                  <dt className="font-mono text-sm font-medium">{status}</dt>
                  <dd className="ml-4 space-y-1">
                    {/^[45]/.test(status) ? <p className="text-xs text-zinc-500">{response.description}</p> : null}
                    {schema ? <SchemaView schema={schema} /> : null}
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>
      </div>
    </details>
  );
}
