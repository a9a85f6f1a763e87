import { describe, expect, it } from "vitest";
import { serializeError } from "./index";

describe("logged errors", () => {
  it("keep kind, message, SQL state and stack, never the failed statement's parameters or row detail", () => {
    const driverError = Object.assign(new Error("duplicate key value violates unique constraint"), {
      code: "23505",
      detail: "Key (email)=(someone@example.com) already exists.",
      params: ["$scrypt$ln=17,r=8,p=1$c2FsdA$aGFzaA", "v1.k1.bm9uY2U.Y2lwaGVy"],
      query: "insert into users ...",
    });
    const logged = JSON.stringify(serializeError(driverError));
    expect(logged).toContain("23505");
    expect(logged).toContain("duplicate key");
    expect(logged).not.toMatch(/scrypt|v1\.k1|someone@example\.com|insert into/);
  });
});
