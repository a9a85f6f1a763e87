import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";
import { newPasswordSchema } from "./password-policy";

describe("password hashing", () => {
  it("uses OWASP scrypt parameters in a self-describing string with a fresh salt", async () => {
    const first = await hashPassword("correct horse battery");
    const second = await hashPassword("correct horse battery");
    expect(first).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
  });

  it("refuses a hash it does not understand instead of answering false", async () => {
    await expect(verifyPassword("x", "plain")).rejects.toThrow(/format/);
  });
});

describe("new password policy", () => {
  it("asks for 12 to 128 characters", () => {
    expect(newPasswordSchema.safeParse("short").success).toBe(false);
    expect(newPasswordSchema.safeParse("twelve chars").success).toBe(true);
    expect(newPasswordSchema.safeParse("x".repeat(129)).success).toBe(false);
  });
});
