import { describe, expect, it } from "vitest";
import { detectFraming } from "../transport/framing";

const TAGS = { full: Buffer.alloc(0), intermediate: Buffer.from("eeeeeeee", "hex"), abridged: Buffer.from([0xef]) };

/** What a client would send: the transport tag, then packets framed the same way the server frames its own. */
function clientStream(kind: keyof typeof TAGS, packets: Buffer[]): Buffer {
  const detected = detectFraming(Buffer.concat([TAGS[kind], Buffer.alloc(8, 0x10)]))!;
  expect(detected.framing.kind).toBe(kind);
  return Buffer.concat([TAGS[kind], ...packets.map((p) => detected.framing.encode(p))]);
}

describe("transport framing", () => {
  const packets = [Buffer.alloc(40, 1), Buffer.alloc(4, 2), Buffer.alloc(2000, 3)];

  for (const kind of Object.keys(TAGS) as (keyof typeof TAGS)[]) {
    it(`${kind}: detects the transport and splits packets across arbitrary chunk boundaries`, () => {
      const stream = clientStream(kind, packets);
      const detected = detectFraming(stream.subarray(0, 4))!;
      expect(detected.framing.kind).toBe(kind);
      const body = stream.subarray(detected.tagLength);
      const received: Buffer[] = [];
      for (let i = 0; i < body.length; i += 7) received.push(...detected.framing.decode(body.subarray(i, i + 7)));
      expect(received).toEqual(packets);
    });
  }

  it("full: rejects a bad CRC32", () => {
    const stream = clientStream("full", [Buffer.alloc(16, 9)]);
    stream[stream.length - 1]! ^= 0xff;
    expect(() => detectFraming(stream)!.framing.decode(stream)).toThrow(/CRC32/);
  });

  it("waits for enough bytes before choosing", () => {
    expect(detectFraming(Buffer.from([0xee, 0xee]))).toBeUndefined();
  });

  it("padded intermediate: cuts the random padding off encrypted packets and pads what it sends", () => {
    const detected = detectFraming(Buffer.from("dddddddd00000000", "hex"))!;
    expect([detected.framing.kind, detected.tagLength]).toEqual(["padded-intermediate", 4]);
    const encrypted = Buffer.concat([Buffer.alloc(8, 7), Buffer.alloc(16 + 64, 1)]);
    const plain = Buffer.concat([Buffer.alloc(8), Buffer.alloc(40, 2)]);
    const framed = (payload: Buffer, padding: number) => {
      const head = Buffer.alloc(4);
      head.writeInt32LE(payload.length + padding, 0);
      return Buffer.concat([head, payload, Buffer.alloc(padding, 0xaa)]);
    };
    const received = detected.framing.decode(Buffer.concat([framed(encrypted, 13), framed(plain, 3)]));
    expect(received[0]).toEqual(encrypted);
    expect(received[1]!.subarray(0, plain.length)).toEqual(plain);
    const sent = new Set(Array.from({ length: 20 }, () => detected.framing.encode(encrypted).length));
    expect(Math.min(...sent)).toBeGreaterThanOrEqual(4 + encrypted.length);
    expect(sent.size).toBeGreaterThan(1);
  });
});
