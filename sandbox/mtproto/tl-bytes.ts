/** TL `bytes`/`string` serialisation: length prefix, data, zero padding to 4. */
export function tlBytes(data: Buffer): Buffer {
  const header =
    data.length < 254
      ? Buffer.from([data.length])
      : Buffer.from([254, data.length & 0xff, (data.length >> 8) & 0xff, (data.length >> 16) & 0xff]);
  const used = header.length + data.length;
  return Buffer.concat([header, data, Buffer.alloc((4 - (used % 4)) % 4)]);
}
