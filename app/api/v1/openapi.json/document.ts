import { openApiDocument, type OpenApiDocument } from "@/lib/api/openapi";
import { GET } from "./route";
import { apiRoutes } from "./routes";

// JSON with no index signature in its type; the route's schema only checks that it is one.
let built: (OpenApiDocument & Record<string, unknown>) | undefined;

/** The OpenAPI document of /api/v1 (this route included), built once per process; the reference page reads it too. */
export function servedDocument(): OpenApiDocument & Record<string, unknown> {
  built ??= openApiDocument({ ...apiRoutes, "openapi.json": { GET } }) as OpenApiDocument & Record<string, unknown>;
  return built;
}
