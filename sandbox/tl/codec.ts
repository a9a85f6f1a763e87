import { returnBigInt } from "telegram/Helpers";
import { tlBytes } from "../mtproto/tl-bytes";
import type { Combinator, Param, Schema } from "./schema";

const VECTOR = 0x1cb5c415;
const BOOL_TRUE = 0x997275b5;
const BOOL_FALSE = 0xbc799737;

/** A decoded TL object: GramJS-shaped (className, camelCase fields, longs as BigInteger). */
export interface TlObject {
  readonly className: string;
  readonly classType: string;
}

type Fields = Record<string, unknown>;

/** A field of a TL object by its camelCase name. */
export const fieldOf = (object: TlObject, field: string): unknown => (object as unknown as Fields)[field];

export class TlDecodeError extends Error {}

const vectorItem = (type: string): string | undefined => /^[Vv]ector<(.+)>$/.exec(type)?.[1];

/** Reads TL values of one layer from a buffer. */
export class TlReader {
  private offset = 0;

  constructor(
    private readonly schema: Schema,
    private readonly data: Buffer,
  ) {}

  /** A boxed object: constructor id, then its fields. */
  object(): TlObject {
    const id = this.uint();
    const combinator = this.schema.byId.get(id);
    if (!combinator) throw new TlDecodeError(`constructor 0x${id.toString(16)} is not in layer ${this.schema.layer}`);
    return this.fields(combinator);
  }

  private fields(combinator: Combinator): TlObject {
    const out: Fields = { className: combinator.className, classType: combinator.isMethod ? "request" : "constructor" };
    for (const param of combinator.params) {
      if (param.flag && !((out[param.flag.field] as number) & (1 << param.flag.bit))) continue;
      out[param.field] = param.type === "true" ? true : this.value(param.type);
    }
    return out as unknown as TlObject;
  }

  private value(type: string): unknown {
    const item = vectorItem(type);
    if (item) {
      if (type.startsWith("V") && this.uint() !== VECTOR) throw new TlDecodeError("expected a vector");
      return Array.from({ length: this.int() }, () => this.value(item));
    }
    switch (type) {
      case "#":
      case "int":
        return this.int();
      case "long":
        return returnBigInt(this.take(8).readBigInt64LE(0));
      case "double":
        return this.take(8).readDoubleLE(0);
      case "bytes":
        return this.bytes();
      case "string":
        return this.bytes().toString("utf8");
      case "Bool": {
        const id = this.uint();
        if (id !== BOOL_TRUE && id !== BOOL_FALSE) throw new TlDecodeError("bad Bool");
        return id === BOOL_TRUE;
      }
      default:
        return this.object(); // a boxed type, or `!X` (the query a wrapper carries)
    }
  }

  private take(length: number): Buffer {
    if (this.offset + length > this.data.length) throw new TlDecodeError("truncated TL object");
    const out = this.data.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  private int(): number {
    return this.take(4).readInt32LE(0);
  }

  private uint(): number {
    return this.take(4).readUInt32LE(0);
  }

  private bytes(): Buffer {
    let length = this.take(1)[0]!;
    let head = 1;
    if (length === 254) {
      length = this.take(3).readUIntLE(0, 3);
      head = 4;
    }
    const out = Buffer.from(this.take(length));
    this.take((4 - ((head + length) % 4)) % 4);
    return out;
  }
}

const int32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n, 0);
  return b;
};
const uint32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0, 0);
  return b;
};

/** Writes a value of a TL type in one layer. Objects are GramJS objects or anything with `className` and fields. */
export function writeValue(schema: Schema, type: string, value: unknown): Buffer {
  const item = vectorItem(type);
  if (item) {
    const items = (value ?? []) as unknown[];
    const body = [int32(items.length), ...items.map((v) => writeValue(schema, item, v))];
    return Buffer.concat(type.startsWith("V") ? [uint32(VECTOR), ...body] : body);
  }
  switch (type) {
    case "int":
      return int32(Number(value ?? 0));
    case "long": {
      const b = Buffer.alloc(8);
      b.writeBigInt64LE(BigInt.asIntN(64, BigInt(String(value ?? 0))), 0);
      return b;
    }
    case "double": {
      const b = Buffer.alloc(8);
      b.writeDoubleLE(Number(value ?? 0), 0);
      return b;
    }
    case "bytes":
    case "string":
      return tlBytes(Buffer.isBuffer(value) ? value : Buffer.from(String(value ?? ""), "utf8"));
    case "Bool":
      return uint32(value ? BOOL_TRUE : BOOL_FALSE);
    default:
      return writeObject(schema, value as TlObject);
  }
}

/** A boxed object in this layer's form: fields the layer lacks are dropped, its flags computed. */
export function writeObject(schema: Schema, object: TlObject): Buffer {
  if (!object?.className) throw new Error(`layer ${schema.layer}: expected a TL object, got ${String(object)}`);
  const combinator = schema.byClassName.get(object.className);
  if (!combinator) throw new Error(`layer ${schema.layer} has no ${object.className}`);
  const flags = new Map<string, number>();
  for (const param of combinator.params) {
    if (param.flag && isSet(param, fieldOf(object, param.field))) {
      flags.set(param.flag.field, (flags.get(param.flag.field) ?? 0) | (1 << param.flag.bit));
    }
  }
  const parts = [uint32(combinator.id)];
  for (const param of combinator.params) {
    if (param.type === "#") parts.push(int32(flags.get(param.field) ?? 0));
    else if (!param.flag) parts.push(writeValue(schema, param.type, fieldOf(object, param.field)));
    else if (param.type !== "true" && flags.get(param.flag.field)! & (1 << param.flag.bit))
      parts.push(writeValue(schema, param.type, fieldOf(object, param.field)));
  }
  return Buffer.concat(parts);
}

function isSet(param: Param, value: unknown): boolean {
  return param.type === "true" ? value === true : value !== undefined && value !== null;
}
