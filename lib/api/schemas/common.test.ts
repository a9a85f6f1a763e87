import { describe, expect, it } from "vitest";
import { z } from "zod";
import { commaList, optionalText, rowIdCursor } from "./common";

describe("shared query parts", () => {
  it("reads a comma list trimmed, without empty parts, each part checked and the length capped", () => {
    const list = commaList(z.enum(["a", "b", "c"]), 2);
    expect(list.parse(" a, ,b,")).toEqual(["a", "b"]);
    expect(list.safeParse("a,d").success).toBe(false);
    expect(list.safeParse("a,b,c").success).toBe(false);
  });

  it("treats a blank text filter as no filter and refuses a long one with its message", () => {
    const text = optionalText(5, "Too long.");
    expect(text.parse("  ab ")).toBe("ab");
    expect(text.parse("   ")).toBeUndefined();
    expect(text.parse(undefined)).toBeUndefined();
    expect(text.safeParse("abcdef").error?.issues[0]?.message).toBe("Too long.");
  });

  it("takes a row id cursor as a positive safe integer", () => {
    expect(rowIdCursor.parse("42")).toBe(42);
    expect(rowIdCursor.parse(undefined)).toBeUndefined();
    for (const bad of ["0", "-1", "1.5", "9007199254740992", "x"])
      expect(rowIdCursor.safeParse(bad).success).toBe(false);
  });
});
