import { Api } from "telegram";

const VECTOR = 0x1cb5c415;

interface Serialisable {
  getBytes(): Buffer;
}

/** Serialises a method result: a TL object, Vector<T> of TL objects, or Bool. */
export function serialiseResult(value: unknown): Buffer {
  if (typeof value === "boolean") return boolBytes(value);
  if (Array.isArray(value)) {
    const head = Buffer.alloc(8);
    head.writeUInt32LE(VECTOR, 0);
    head.writeInt32LE(value.length, 4);
    return Buffer.concat([head, ...value.map((item: Serialisable) => item.getBytes())]);
  }
  return (value as Serialisable).getBytes();
}

function boolBytes(value: boolean): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value ? 0x997275b5 : 0xbc799737, 0);
  return b;
}

export function rpcResult(reqMsgId: bigint, result: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt32LE(0xf35c6d01, 0);
  head.writeBigInt64LE(reqMsgId, 4);
  return Buffer.concat([head, result]);
}

export function rpcErrorBytes(code: number, message: string): Buffer {
  return new Api.RpcError({ errorCode: code, errorMessage: message }).getBytes();
}
