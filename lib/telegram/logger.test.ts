import { beforeEach, describe, expect, it, vi } from "vitest";

const written = vi.hoisted(() => ({ debugEnabled: false, lines: [] as { level: string; text: string }[] }));
vi.mock("@/lib/log", () => {
  const at = (level: string) => (text: string) => written.lines.push({ level, text });
  return {
    log: {
      child: () => ({ debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") }),
      isLevelEnabled: (level: string) => level !== "debug" || written.debugEnabled,
    },
  };
});
const { GramLogger } = await import("./logger");

describe("GramJS's log in the console's log", () => {
  beforeEach(() => {
    written.lines = [];
  });

  it("keeps GramJS's routine warnings out of the info log and lets its errors through", () => {
    written.debugEnabled = false;
    const gramjs = new GramLogger();
    gramjs.warn("Disconnecting...");
    gramjs.info("Connecting to 127.0.0.1:4433/TCPFull...");
    gramjs.error("Error: Not connected");
    expect(written.lines).toEqual([{ level: "error", text: "Error: Not connected" }]);
  });

  it("writes all of it at debug when the console logs debug, with key-like runs redacted", () => {
    written.debugEnabled = true;
    const gramjs = new GramLogger();
    gramjs.warn("Disconnecting...");
    gramjs.debug(`auth key ${"ab12".repeat(16)}`);
    expect(written.lines).toEqual([
      { level: "debug", text: "Disconnecting..." },
      { level: "debug", text: "auth key [redacted]" },
    ]);
  });
});
