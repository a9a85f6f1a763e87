import { z } from "zod";
import { openApiDocument } from "@/lib/api/openapi";
import { routeDeclaration } from "@/lib/api/route";

type JsonSchema = Record<string, unknown>;
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
};
type Operation = { responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }> };

const validators = new WeakMap<object, Map<string, z.ZodType | null>>();

/** The handler's operation as the OpenAPI document describes it (a document of this one route). */
function operationOf(handler: object, method: string): { document: Document; operation: Operation } | undefined {
  if (!routeDeclaration(handler)) return undefined;
  const document = openApiDocument({ route: { [method]: handler } }) as unknown as Document;
  return { document, operation: document.paths["/api/v1/route"]![method.toLowerCase()]! };
}

/**
 * The validator of the document's schema for this answer: the response listed under the exact status, else its
 * class (4XX, 5XX). The JSON Schema is read back with zod's own JSON Schema reader, so the answer is held to the
 * document (additionalProperties: false included), not to the zod schema it was made from. null: not listed.
 */
function validatorFor(handler: object, method: string, status: number): z.ZodType | null | undefined {
  const key = `${method} ${status}`;
  const cached = validators.get(handler)?.get(key);
  if (cached !== undefined) return cached;
  const found = operationOf(handler, method);
  if (!found) return undefined;
  const { document, operation } = found;
  const response = operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`];
  const schema = response?.content?.["application/json"]?.schema;
  const validator = schema
    ? (z.fromJSONSchema(
        JSON.parse(
          JSON.stringify({ ...schema, $defs: document.components?.schemas ?? {} }).replaceAll(
            "#/components/schemas/",
            "#/$defs/",
          ),
        ),
      ) as z.ZodType)
    : null;
  validators.set(handler, (validators.get(handler) ?? new Map()).set(key, validator));
  return validator;
}

/**
 * Throws unless `body`, answered with `status` by `handler` to `method`, is what the API's OpenAPI document says
 * that route answers. Handlers not made by apiRoute are not described, and pass.
 */
export function assertMatchesContract(handler: object, method: string, status: number, body: unknown): void {
  const validator = validatorFor(handler, method, status);
  if (validator === undefined) return;
  const summary = routeDeclaration(handler)!.summary;
  if (validator === null)
    throw new Error(`"${summary}" answered ${status}, a status its OpenAPI operation does not list`);
  const result = validator.safeParse(body);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`);
    throw new Error(
      `"${summary}" answered ${status} with a body its OpenAPI document does not allow:\n  ${problems.join("\n  ")}`,
    );
  }
}
