import { randomBytes } from "node:crypto";
import type { Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { phoneOfKey } from "../server/accounts";
import type { ServerContext } from "../server/context";
import { PacketStream } from "../transport/packet-stream";
import { EncryptedSession } from "./encrypted-session";
import { authKeyIdOf, Handshake } from "./handshake";
import { readPlainMessage, writePlainMessage } from "./plain";

/** One client TCP connection to one DC: key exchange first, then encrypted sessions. */
export class MtprotoConnection {
  private readonly stream: PacketStream;
  private readonly handshake: Handshake;
  private session: EncryptedSession | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: ServerContext,
    private readonly dcId: number,
    socket: Socket,
  ) {
    this.stream = new PacketStream(
      socket,
      (packet) => this.enqueue(packet),
      () => this.session?.detach(),
    );
    this.handshake = new Handshake(ctx.rsa, (authKey) => this.registerKey(authKey));
  }

  close(): void {
    this.stream.destroy();
  }

  // Packets of one connection are handled strictly in order.
  private enqueue(packet: Buffer): void {
    this.queue = this.queue.then(() => this.onPacket(packet)).catch(() => this.stream.destroy());
  }

  private async onPacket(packet: Buffer): Promise<void> {
    if (packet.length < 8) throw new Error("short packet");
    if (packet.readBigUInt64LE(0) === 0n) return this.onPlain(packet);
    return this.onEncrypted(packet);
  }

  private async onPlain(packet: Buffer): Promise<void> {
    if (!(await this.passTransportFault(undefined))) return;
    const response = await this.handshake.handle(readPlainMessage(packet));
    this.stream.send(writePlainMessage(response));
  }

  private registerKey(authKey: Buffer): void {
    const id = authKeyIdOf(authKey).toString("hex");
    this.ctx.store.state.authKeys[id] = {
      id,
      dcId: this.dcId,
      key: authKey.toString("hex"),
      salt: randomBytes(8).toString("hex"),
      createdAt: Date.now(),
    };
    this.ctx.store.changed();
  }

  private async onEncrypted(packet: Buffer): Promise<void> {
    const record = this.ctx.store.authKey(packet.subarray(0, 8).toString("hex"));
    // Telegram answers an auth key it does not know (or knows on another DC) with transport error -404.
    if (!record || record.dcId !== this.dcId) return this.stream.sendTransportError(404);
    if (this.session?.record !== record) {
      this.session?.detach();
      this.session = new EncryptedSession(this.ctx, this.dcId, record, this.stream);
    }
    if (await this.passTransportFault(phoneOfKey(this.ctx.store, record))) await this.session.handlePacket(packet);
  }

  /** Applies an injected transport fault; false when the packet must not be answered. */
  private async passTransportFault(phone: string | undefined): Promise<boolean> {
    const fault = this.ctx.faults.takeTransport(phone);
    if (!fault) return true;
    switch (fault.kind) {
      case "delay":
        await sleep(fault.ms);
        return true;
      case "stall":
        return false;
      case "drop":
        this.stream.destroy();
        return false;
      case "404":
        this.stream.sendTransportError(404);
        return false;
    }
  }
}
