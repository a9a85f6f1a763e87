import { parseTl } from "telegram/tl/generationHelpers";
import apiTl from "telegram/tl/apiTl.js";

/** How GramJS describes one argument of a TL constructor or method (from its own schema parser). */
export type TlArg = {
  type: string;
  isVector: boolean;
  isFlag: boolean;
  /** The `flags` field itself: GramJS computes it, a caller never sends it. */
  flagIndicator: boolean;
};

export type TlDefinition = {
  /** GramJS's class name: `users.GetFullUser`, `InputUserSelf`. */
  className: string;
  /** The TL type a constructor builds (`InputUser`), or the type a method returns. */
  result: string;
  isFunction: boolean;
  args: Record<string, TlArg>;
};

type Parsed = {
  name: string;
  namespace?: string;
  result: string;
  isFunction: boolean;
  argsConfig: Record<string, TlArg>;
};

let definitions: Map<string, TlDefinition> | undefined;

/** Every constructor and method of the API layer GramJS speaks, by GramJS class name. */
export function tlDefinitions(): Map<string, TlDefinition> {
  if (!definitions) {
    definitions = new Map();
    for (const parsed of parseTl(apiTl, "109") as Iterable<Parsed>) {
      const className = parsed.namespace ? `${parsed.namespace}.${parsed.name}` : parsed.name;
      definitions.set(className, {
        className,
        result: parsed.result,
        isFunction: parsed.isFunction,
        args: parsed.argsConfig,
      });
    }
  }
  return definitions;
}
