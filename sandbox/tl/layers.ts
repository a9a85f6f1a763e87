import { readFileSync } from "node:fs";
import { RpcError } from "../api/rpc-error";
import { parseSchema, type Schema } from "./schema";

/**
 * The API layers the sandbox serves, one per pinned client: Telethon 1.25 (144), GramJS (198), mtcute (227).
 * Each schema is the part of that client's own schema the sandbox speaks (see spoken.ts and extract.ts).
 */
export const SUPPORTED_LAYERS = [144, 198, 227] as const;

/** The layer a key is served in before its client names one with invokeWithLayer (GramJS's, the console's). */
export const DEFAULT_LAYER = 198;

const schemas = new Map<number, Schema>(
  SUPPORTED_LAYERS.map((layer) => [
    layer,
    parseSchema(readFileSync(new URL(`./layer-${layer}.tl`, import.meta.url), "utf8"), layer),
  ]),
);

/** The supported layer a client layer is served as: the nearest one at or below it. */
export function servedLayer(clientLayer: number): number {
  const served = SUPPORTED_LAYERS.filter((layer) => layer <= clientLayer).at(-1);
  if (served === undefined) throw new RpcError(400, "CONNECTION_LAYER_INVALID");
  return served;
}

export function schemaOf(layer: number): Schema {
  return schemas.get(layer) ?? schemas.get(DEFAULT_LAYER)!;
}
