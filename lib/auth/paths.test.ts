import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./paths";

describe("callback paths", () => {
  it("keeps paths on this site and drops anything else", () => {
    expect(safeCallbackPath("/sessions?status=dead")).toBe("/sessions?status=dead");
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", undefined, ["/a"]]) {
      expect(safeCallbackPath(bad)).toBe("/");
    }
  });
});
