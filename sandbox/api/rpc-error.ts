/** An error the sandbox answers with rpc_error, exactly as Telegram names it. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    readonly errorMessage: string,
  ) {
    super(errorMessage);
  }
}

export const badRequest = (message: string): RpcError => new RpcError(400, message);
export const unauthorized = (message: string): RpcError => new RpcError(401, message);
export const floodWait = (seconds: number): RpcError => new RpcError(420, `FLOOD_WAIT_${seconds}`);
