import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { statusOfCode } from "@/lib/api/errors";
import { sessionCookieName } from "@/lib/auth/cookies";
import { routeDeclaration, type RouteDeclaration } from "./route";
import { errorBody } from "./schemas/errors";

export const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** A route module as Next loads it: its exported handlers by HTTP method. */
export type RouteModule = Record<string, unknown>;

/** `sessions/[id]/invoke` (the folders under app/api/v1) → `/api/v1/sessions/{id}/invoke`. */
export function openApiPath(folder: string): string {
  const segments = folder.split("/").filter(Boolean);
  return ["/api/v1", ...segments.map((s) => s.replace(/^\[(.+)\]$/, "{$1}"))].join("/");
}

const statusesByClass = (first: string) =>
  [...new Set(Object.entries(statusOfCode).filter(([, status]) => String(status)[0] === first))]
    .map(([code, status]) => `${code} (${status})`)
    .join(", ");

const errorResponse = (first: string) => ({
  description: `Refused or failed: ${statusesByClass(first)}.`,
  content: { "application/json": { schema: errorBody } },
});

/** `post /api/v1/sessions/{id}/invoke` → `postSessionsIdInvoke`. */
function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1\//, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

function whoMayCall(d: RouteDeclaration): string {
  const role =
    d.role === "viewer"
      ? "any signed-in member (viewer or admin) or API token (read or admin scope)"
      : "an admin, or an admin-scope API token";
  return `Who may call: ${role}${d.use ? "; a use-scope token too, within its limits" : ""}.`;
}

/** One operation, from what its route declared to the wrapper. */
export function operationOf(method: string, path: string, d: RouteDeclaration): ZodOpenApiOperationObject {
  const status = String(d.status ?? 200);
  const notes = [
    d.description,
    whoMayCall(d),
    d.stepUp && "A member with a second factor must have proved it within the last 10 minutes (step_up_required).",
    d.auditAction && `Recorded in the audit log as \`${d.auditAction}\`.`,
  ].filter(Boolean);
  return {
    operationId: operationId(method, path),
    summary: d.summary,
    description: notes.join("\n\n"),
    tags: [path.split("/")[3] ?? "api"],
    ...((d.params || d.query) && {
      requestParams: {
        ...(d.params && { path: d.params as never }),
        ...(d.query && { query: d.query as never }),
      },
    }),
    ...(d.body && {
      requestBody: { required: !d.optionalBody, content: { "application/json": { schema: d.body } } },
    }),
    ...(d.documentedBody && {
      requestBody: {
        required: true,
        content: Object.fromEntries(Object.entries(d.documentedBody).map(([type, schema]) => [type, { schema }])),
      },
    }),
    responses: {
      [status]: { description: d.summary, content: { "application/json": { schema: d.response } } },
      ...Object.fromEntries(
        Object.entries(d.otherResponses ?? {}).map(([other, schema]) => [
          other,
          { description: `${d.summary} (${other})`, content: { "application/json": { schema } } },
        ]),
      ),
      "4XX": errorResponse("4"),
      "5XX": errorResponse("5"),
    },
    "x-role": d.role,
    ...(d.use && { "x-use-token": true }),
    ...(d.stepUp && { "x-step-up": true }),
    ...(d.auditAction && { "x-audit-action": d.auditAction }),
  };
}

/**
 * The OpenAPI 3.1 document of `/api/v1`, built from the declarations the routes are served with; `routes` maps
 * each route's folder under app/api/v1 to its module. A handler not made by apiRoute cannot be described, and throws.
 */
export function openApiDocument(routes: Record<string, RouteModule>) {
  const paths: ZodOpenApiPathsObject = {};
  for (const [folder, module] of Object.entries(routes).sort(([a], [b]) => a.localeCompare(b))) {
    const path = openApiPath(folder);
    for (const method of httpMethods) {
      const handler = module[method];
      if (handler === undefined) continue;
      const declaration = routeDeclaration(handler);
      if (!declaration) throw new Error(`${method} ${path} is not built with apiRoute, so it has no declaration`);
      paths[path] = { ...paths[path], [method.toLowerCase()]: operationOf(method, path, declaration) };
    }
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Telegram Session Console API",
      version: "1",
      description:
        "Every route answers JSON and is never cached. Send an API token as `Authorization: Bearer tsc_…`, or " +
        "the console's sign-in cookie (a cookie-authenticated change must come from the console's own origin).",
    },
    security: [{ bearer: [] }, { cookie: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token (tsc_…) made on the API tokens page." },
        cookie: { type: "apiKey", in: "cookie", name: sessionCookieName, description: "A signed-in member." },
      },
    },
    paths,
  });
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
