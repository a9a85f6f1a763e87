import { Api } from "telegram";

export function rpcResult(reqMsgId: bigint, result: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt32LE(0xf35c6d01, 0);
  head.writeBigInt64LE(reqMsgId, 4);
  return Buffer.concat([head, result]);
}

export function rpcErrorBytes(code: number, message: string): Buffer {
  return new Api.RpcError({ errorCode: code, errorMessage: message }).getBytes();
}
