import type { Socket } from "node:net";
import { detectFraming, type Framing } from "./framing";

/** A TCP socket speaking one of the MTProto transports, as a stream of packets. */
export class PacketStream {
  private framing: Framing | undefined;
  private head = Buffer.alloc(0);

  constructor(
    private readonly socket: Socket,
    onPacket: (packet: Buffer) => void,
    onClose: () => void,
  ) {
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => {
      try {
        for (const packet of this.decode(chunk)) onPacket(packet);
      } catch {
        socket.destroy();
      }
    });
    socket.on("error", () => socket.destroy());
    socket.on("end", onClose);
    socket.on("close", onClose);
  }

  get open(): boolean {
    return !this.socket.destroyed && this.socket.writable;
  }

  get remoteAddress(): string {
    return this.socket.remoteAddress ?? "";
  }

  private decode(chunk: Buffer): Buffer[] {
    if (this.framing) return this.framing.decode(chunk);
    this.head = Buffer.concat([this.head, chunk]);
    const detected = detectFraming(this.head);
    if (!detected) return [];
    this.framing = detected.framing;
    return this.framing.decode(this.head.subarray(detected.tagLength));
  }

  send(payload: Buffer): void {
    if (this.framing && this.open) this.socket.write(this.framing.encode(payload));
  }

  /** Telegram's transport errors: a 4-byte packet holding -code (e.g. -404 for an unknown auth key). */
  sendTransportError(code: number): void {
    const payload = Buffer.alloc(4);
    payload.writeInt32LE(-code, 0);
    this.send(payload);
  }

  destroy(): void {
    this.socket.destroy();
  }
}
