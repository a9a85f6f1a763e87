import { randomBytes } from "node:crypto";
import { connect, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { Api } from "telegram";
import { BinaryReader } from "telegram/extensions";
import { readBigIntFromBuffer } from "telegram/Helpers";
import { destroy, login, newClient, type TestSandbox, withTestSandbox } from "./helpers";

let sandbox: TestSandbox;
withTestSandbox((started) => (sandbox = started));

/** A raw intermediate-transport client (GramJS has none): 0xeeeeeeee, then length-prefixed packets. */
class IntermediateClient {
  private buffer = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(private readonly socket: Socket) {
    socket.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    socket.on("close", () => {
      this.closed = true;
      this.waiters.splice(0).forEach((wake) => wake());
    });
  }

  static async open(port: number): Promise<IntermediateClient> {
    const socket = connect(port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write(Buffer.from("eeeeeeee", "hex"));
    return new IntermediateClient(socket);
  }

  send(payload: Buffer): void {
    const head = Buffer.alloc(4);
    head.writeInt32LE(payload.length, 0);
    this.socket.write(Buffer.concat([head, payload]));
  }

  /** The next packet, or undefined if none arrives within `ms` or the connection closes. */
  async receive(ms = 1000): Promise<Buffer | undefined> {
    const deadline = Date.now() + ms;
    while (this.buffer.length < 4 || this.buffer.length < 4 + this.buffer.readInt32LE(0)) {
      if (this.closed || Date.now() >= deadline) return undefined;
      await new Promise<void>((wake) => {
        this.waiters.push(wake);
        setTimeout(wake, deadline - Date.now());
      });
    }
    const length = this.buffer.readInt32LE(0);
    const packet = this.buffer.subarray(4, 4 + length);
    this.buffer = this.buffer.subarray(4 + length);
    return packet;
  }

  close(): void {
    this.socket.destroy();
  }
}

function reqPq(): Buffer {
  const body = new Api.ReqPqMulti({ nonce: readBigIntFromBuffer(randomBytes(16), false, true) }).getBytes();
  const head = Buffer.alloc(20);
  head.writeBigInt64LE(BigInt(Math.floor(Date.now() / 1000)) << 32n, 8);
  head.writeInt32LE(body.length, 16);
  return Buffer.concat([head, body]);
}

const dc2Port = () => sandbox.info.dcs.find((dc) => dc.id === 2)!.port;

describe("transports and transport faults", () => {
  it("speaks the intermediate transport", async () => {
    const client = await IntermediateClient.open(dc2Port());
    client.send(reqPq());
    const reply = (await client.receive())!;
    const resPq = new BinaryReader(reply.subarray(20)).tgReadObject();
    expect(resPq).toBeInstanceOf(Api.ResPQ);
    expect((resPq as Api.ResPQ).serverPublicKeyFingerprints.map(String)).toEqual([sandbox.info.fingerprint]);
    client.close();
  });

  it("drops the connection on a drop fault", async () => {
    sandbox.addTransportFault({ kind: "drop" });
    const client = await IntermediateClient.open(dc2Port());
    client.send(reqPq());
    expect(await client.receive()).toBeUndefined();
    expect(client.closed).toBe(true);
  });

  it("answers -404 on a 404 fault, then behaves again", async () => {
    sandbox.addTransportFault({ kind: "404" });
    const client = await IntermediateClient.open(dc2Port());
    client.send(reqPq());
    expect((await client.receive())!.readInt32LE(0)).toBe(-404);
    client.send(reqPq());
    expect((await client.receive())!.length).toBeGreaterThan(20);
    client.close();
  });

  it("never answers a stalled packet", async () => {
    sandbox.addTransportFault({ kind: "stall" });
    const client = await IntermediateClient.open(dc2Port());
    client.send(reqPq());
    expect(await client.receive(300)).toBeUndefined();
    expect(client.closed).toBe(false);
    client.close();
  });

  it("lets an auto-reconnecting GramJS client recover from a dropped connection", async () => {
    const phone = "9996627001";
    const client = newClient(sandbox, "", 2, "reconnects", { autoReconnect: true });
    await client.connect();
    await login(client, sandbox, phone);
    sandbox.addTransportFault({ kind: "drop", phone });
    expect((await client.getMe()).phone).toBe(phone);
    await destroy(client);
  });
});
