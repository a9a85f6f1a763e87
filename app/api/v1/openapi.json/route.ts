import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import type { NextRouteHandler } from "@/lib/api/route";
import { servedDocument } from "./document";

/**
 * The OpenAPI 3.1 document of /api/v1, built from the declarations the routes are served with. Any signed-in
 * member or API token may read it (a use token included: the services that call invoke need it); it describes the
 * API and holds no data.
 */
export const GET: NextRouteHandler = apiRoute(
  {
    summary: "This API's OpenAPI 3.1 document",
    response: z.looseObject({ openapi: z.string() }).meta({ description: "An OpenAPI 3.1 document." }),
    role: "viewer",
    use: true,
  },
  async () => servedDocument(),
);
