import { Api } from "telegram";
import { returnBigInt } from "telegram/Helpers";
import { DomainError } from "@/lib/errors/domain";
import { tlDefinitions, type TlArg, type TlDefinition } from "./tl-schema";

/**
 * TL objects as JSON, both ways: an object carries its GramJS class name in `_`, bytes are base64, 64-bit and
 * larger integers are decimal strings, dates are Unix seconds. Input is checked strictly against GramJS's schema
 * (unknown fields, missing fields, wrong types and wrong constructors are refused), so nothing reaches Telegram
 * that the caller did not spell out.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const maxDepth = 24;
const maxVector = 10_000;
const int32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const integerString = /^-?\d{1,80}$/;
const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const bitsOf: Record<string, number> = { long: 64, int128: 128, int256: 256 };

const refuse = (path: string, message: string) =>
  new DomainError("invalid_input", `${path}: ${message}`, { fields: { [path]: message } });

type GramJsClass = new (args: Record<string, unknown>) => unknown;

function gramJsClass(className: string): GramJsClass {
  const [first, second] = className.split(".");
  const space = Api as unknown as Record<string, unknown>;
  const found = second ? (space[first as string] as Record<string, unknown> | undefined)?.[second] : space[className];
  return found as GramJsClass;
}

/** The GramJS request for `method` with `params`; invalid_input naming the field at fault otherwise. */
export function toRequest(method: string, params: unknown): Api.AnyRequest {
  const definition = tlDefinitions().get(method);
  if (!definition?.isFunction) {
    throw new DomainError(
      "invalid_input",
      `Unknown method ${method}: use a GramJS class name such as users.GetFullUser.`,
      {
        fields: { method: "Unknown method." },
      },
    );
  }
  return build(definition, params, "params", 0) as Api.AnyRequest;
}

function build(definition: TlDefinition, value: unknown, path: string, depth: number): unknown {
  if (depth > maxDepth) throw refuse(path, "nested too deeply.");
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw refuse(path, "must be an object.");
  const given = value as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (key === "_" && depth > 0) continue;
    const arg = definition.args[key];
    if (!arg || arg.flagIndicator) throw refuse(`${path}.${key}`, `${definition.className} has no such field.`);
  }
  const args: Record<string, unknown> = {};
  for (const [name, arg] of Object.entries(definition.args)) {
    if (arg.flagIndicator) continue;
    const field = `${path}.${name}`;
    const item = given[name];
    if (item === undefined || item === null) {
      // GramJS draws a random id itself, as Telegram's clients do.
      if (arg.isFlag || name === "randomId") continue;
      throw refuse(field, "is required.");
    }
    args[name] = arg.isVector ? vector(arg, item, field, depth) : scalar(arg.type, item, field, depth);
  }
  return new (gramJsClass(definition.className))(args);
}

function vector(arg: TlArg, value: unknown, path: string, depth: number): unknown[] {
  if (!Array.isArray(value)) throw refuse(path, "must be an array.");
  if (value.length > maxVector) throw refuse(path, `must have at most ${maxVector} items.`);
  return value.map((item, index) => scalar(arg.type, item, `${path}[${index}]`, depth));
}

function scalar(type: string, value: unknown, path: string, depth: number): unknown {
  switch (type) {
    case "int":
    case "date":
      if (!Number.isInteger(value) || (value as number) < int32.min || (value as number) > int32.max)
        throw refuse(path, "must be a 32-bit integer.");
      return value;
    case "long":
    case "int128":
    case "int256":
      return bigInteger(value, bitsOf[type] as number, path);
    case "double":
      if (typeof value !== "number" || !Number.isFinite(value)) throw refuse(path, "must be a number.");
      return value;
    case "string":
      if (typeof value !== "string") throw refuse(path, "must be a string.");
      return value;
    case "bytes":
      if (typeof value !== "string" || !base64.test(value)) throw refuse(path, "must be base64.");
      return Buffer.from(value, "base64");
    case "Bool":
    case "true":
      if (typeof value !== "boolean") throw refuse(path, "must be true or false.");
      return value;
    default:
      return object(type, value, path, depth + 1);
  }
}

function bigInteger(value: unknown, bits: number, path: string) {
  const text = typeof value === "number" && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== "string" || !integerString.test(text)) throw refuse(path, "must be an integer as a string.");
  const number = BigInt(text);
  const limit = 1n << BigInt(bits - 1);
  if (number < -limit || number >= limit) throw refuse(path, `must fit in ${bits} bits.`);
  return returnBigInt(text);
}

function object(type: string, value: unknown, path: string, depth: number): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw refuse(path, `must be a ${type} object with its class name in "_".`);
  const name = (value as Record<string, unknown>)._;
  const definition = typeof name === "string" ? tlDefinitions().get(name) : undefined;
  // A method as an argument is how wrappers smuggle calls; generic arguments (!X) only wrappers have.
  if (!definition || definition.isFunction || !fits(definition, type))
    throw refuse(`${path}._`, `must name a ${type} constructor.`);
  return build(definition, value, path, depth);
}

/** Boxed types match by the constructor's type; bare ones (a lowercase name) name the constructor itself. */
function fits(definition: TlDefinition, type: string): boolean {
  if (definition.result === type) return true;
  const bare = type.split(".").pop() ?? "";
  return /^[a-z]/.test(bare) && definition.className.toLowerCase() === type.toLowerCase();
}

const bigIntClass = returnBigInt(0).constructor;

/** A GramJS result as JSON, with the same conventions as the input. */
export function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint" || value instanceof bigIntClass) return String(value);
  if (Buffer.isBuffer(value)) return value.toString("base64");
  if (value instanceof Date) return Math.floor(value.getTime() / 1000);
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value !== "object") return null;
  const record = value as Record<string, unknown>;
  const definition = typeof record.className === "string" ? tlDefinitions().get(record.className) : undefined;
  if (!definition) {
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, toJson(item)]));
  }
  const out: Record<string, Json> = { _: definition.className };
  for (const [name, arg] of Object.entries(definition.args)) {
    if (arg.flagIndicator) continue;
    const item = record[name];
    if (arg.isFlag && (item === undefined || item === null)) continue;
    out[name] = toJson(item);
  }
  return out;
}
