import { describe, expect, it, vi } from "vitest";

describe("error classes shared across bundles", () => {
  it("recognise instances made by another copy of their module", async () => {
    const first = await import("@/lib/telegram/connection/errors");
    const firstFailure = await import("@/lib/telegram/errors");
    vi.resetModules();
    const second = await import("@/lib/telegram/connection/errors");
    const secondFailure = await import("@/lib/telegram/errors");
    expect(second.SessionBusyError).not.toBe(first.SessionBusyError);

    expect(new first.SessionBusyError("s", null)).toBeInstanceOf(second.SessionBusyError);
    expect(new firstFailure.TelegramFailure("terminal", "SESSION_REVOKED")).toBeInstanceOf(
      secondFailure.TelegramFailure,
    );
    expect(new first.SessionBusyError("s", null)).not.toBeInstanceOf(second.FloodWaitActiveError);
    expect(new Error("plain")).not.toBeInstanceOf(second.SessionBusyError);
    expect(
      secondFailure.classifyTelegramError(new firstFailure.TelegramFailure("terminal", "SESSION_REVOKED")),
    ).toMatchObject({ kind: "terminal" });
  });
});
