/** A request body longer than its route allows; reading stopped as soon as the limit was passed. */
export class PayloadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${limitBytes} bytes.`);
    this.name = "PayloadTooLargeError";
  }
}

/**
 * The body as text, read chunk by chunk and abandoned once it passes `limitBytes` (a declared Content-Length
 * over the limit is refused before reading), so a huge or endless body costs at most the limit in memory.
 */
export async function readBodyText(request: Request, limitBytes: number): Promise<string> {
  return (await readBodyBytes(request, limitBytes)).toString("utf8");
}

/** The body as bytes, under the same rule as `readBodyText`. */
export async function readBodyBytes(request: Request, limitBytes: number): Promise<Buffer> {
  if (Number(request.headers.get("content-length") ?? 0) > limitBytes) throw new PayloadTooLargeError(limitBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
