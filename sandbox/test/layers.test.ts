import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { Api } from "telegram";
import { returnBigInt } from "telegram/Helpers";
import { fieldOf, TlReader, writeObject, writeValue } from "../tl/codec";
import { schemaOf, servedLayer, SUPPORTED_LAYERS } from "../tl/layers";
import { parseSchema } from "../tl/schema";
import { PRODUCED_CONSTRUCTORS, SPOKEN_METHODS } from "../tl/spoken";

const require = createRequire(import.meta.url);

describe("API layers", () => {
  it("serves a client layer as the nearest supported one at or below it, and refuses layers below 144", () => {
    expect(SUPPORTED_LAYERS).toEqual([144, 198, 227]);
    expect([144, 150, 197, 198, 226, 227, 300].map(servedLayer)).toEqual([144, 144, 144, 198, 198, 227, 227]);
    expect(() => servedLayer(143)).toThrow("CONNECTION_LAYER_INVALID");
  });

  it("has every spoken method and produced constructor in every layer", () => {
    for (const layer of SUPPORTED_LAYERS) {
      const names = [...schemaOf(layer).byName.keys()];
      expect(names, `layer ${layer}`).toEqual(expect.arrayContaining([...SPOKEN_METHODS, ...PRODUCED_CONSTRUCTORS]));
    }
  });

  it("cuts layer 198 from GramJS's own schema and layer 227 from mtcute's, unchanged", () => {
    const gramjs = parseSchema(require("telegram/tl/apiTl.js") as string, 198);
    for (const c of schemaOf(198).byName.values()) expect(c.line).toBe(gramjs.byName.get(c.name)?.line);
    // @mtcute/node's own core (another @mtcute package hoists an older one).
    const mtcuteRequire = createRequire(require.resolve("@mtcute/node"));
    const mtcute = mtcuteRequire("@mtcute/core/tl/api-schema.json") as { l: number; e: { name: string; id: number }[] };
    expect(mtcute.l).toBe(227);
    const ids = new Map(mtcute.e.map((e) => [e.name, e.id]));
    for (const c of schemaOf(227).byName.values()) expect(c.id, c.name).toBe(ids.get(c.name));
  });

  it("reads a layer-144 auth.signIn and a layer-198 one into the same request", () => {
    const legacy = Buffer.concat([
      Buffer.from("8115d5bc", "hex"), // auth.signIn#bcd51581, little-endian
      writeValue(schemaOf(144), "string", "9996621234"),
      writeValue(schemaOf(144), "string", "hash"),
      writeValue(schemaOf(144), "string", "22222"),
    ]);
    const current = new Api.auth.SignIn({ phoneNumber: "9996621234", phoneCodeHash: "hash", phoneCode: "22222" });
    for (const [layer, bytes] of [
      [144, legacy],
      [198, current.getBytes()],
    ] as const) {
      const request = new TlReader(schemaOf(layer), bytes).object();
      expect(request.className).toBe("auth.SignIn");
      expect([
        fieldOf(request, "phoneNumber"),
        fieldOf(request, "phoneCodeHash"),
        fieldOf(request, "phoneCode"),
      ]).toEqual(["9996621234", "hash", "22222"]);
    }
  });

  it("writes layer 198 byte for byte as GramJS does, and the same object in each layer's own constructor", () => {
    const user = new Api.User({
      self: true,
      id: returnBigInt(1000001),
      accessHash: returnBigInt("-42"),
      firstName: "Ada",
      phone: "9996621234",
      status: new Api.UserStatusRecently({}),
    });
    const authorization = new Api.auth.Authorization({ user });
    expect(writeObject(schemaOf(198), authorization)).toEqual(authorization.getBytes());
    const ids = SUPPORTED_LAYERS.map((layer) => writeObject(schemaOf(layer), user).readUInt32LE(0));
    expect(ids).toEqual(SUPPORTED_LAYERS.map((layer) => schemaOf(layer).byName.get("user")!.id));
    expect(new Set(ids).size).toBe(3);
    const vector = writeValue(schemaOf(144), "Vector<User>", [user]);
    expect(vector.readUInt32LE(0)).toBe(0x1cb5c415);
    expect(vector.readInt32LE(4)).toBe(1);
  });
});
