import { describe, expect, it } from "vitest";
import { untrustedParts, untrustedText } from "./format";

describe("untrusted text", () => {
  it("shows bidi overrides, isolates, zero-width characters, the BOM and C0/C1 controls as escapes", () => {
    expect(untrustedText("admin\u202E@example.com")).toBe("admin\\u202E@example.com");
    expect(untrustedText("a\u200Bb\uFEFFc")).toBe("a\\u200Bb\\uFEFFc");
    expect(untrustedText("a\u200Db \u{1F44D}\u200D x\u200D\u{1F525}")).toBe(
      "a\\u200Db \u{1F44D}\\u200D x\\u200D\u{1F525}",
    );
    expect(untrustedText("\u2066x\u2067y\u2068z\u2069")).toBe("\\u2066x\\u2067y\\u2068z\\u2069");
    expect(untrustedText("tab\there\nnul\u0000c1\u0085")).toBe("tab\\u0009here\\u000Anul\\u0000c1\\u0085");
    expect(untrustedText("line\u2028para\u2029")).toBe("line\\u2028para\\u2029");
    expect(untrustedText("tag\u{E0041}")).toBe("tag\\u{E0041}");
  });

  it("leaves ordinary text alone, whatever its script, and emoji joined into one picture", () => {
    const family = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}";
    const heartOnFire = "\u2764\uFE0F\u200D\u{1F525}";
    const darkSkinnedCook = "\u{1F9D1}\u{1F3FF}\u200D\u{1F373}";
    for (const text of [
      "alice@example.com",
      "Иван Петров",
      "مرحبا",
      "名前 😀",
      "Zoë-Ann O'Neil",
      family,
      heartOnFire,
      darkSkinnedCook,
    ]) {
      expect(untrustedText(text)).toBe(text);
      expect(untrustedParts(text)).toEqual([{ text, escaped: false }]);
    }
  });

  it("splits text into plain runs and escapes, in order", () => {
    expect(untrustedParts("\u202Emoc.elpmaxe@nimda\u200B")).toEqual([
      { text: "\\u202E", escaped: true },
      { text: "moc.elpmaxe@nimda", escaped: false },
      { text: "\\u200B", escaped: true },
    ]);
    expect(untrustedParts("")).toEqual([]);
  });
});
