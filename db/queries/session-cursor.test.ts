import { describe, expect, it } from "vitest";
import { decodeSessionCursor, encodeSessionCursor, type SessionCursor } from "./session-cursor";

const id = "0b6a4cbe-4a07-4c1d-9f43-2a1f6f1d2e3a";
const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("session list cursor", () => {
  it("round-trips every kind of sort key, and a missing one", () => {
    const cursors: SessionCursor[] = [
      { sort: "created", order: "desc", key: "2026-11-25T10:00:00.123456Z", id },
      { sort: "latency", order: "asc", key: "250", id },
      { sort: "status", order: "asc", key: "revoke_pending", id },
      { sort: "lastUsed", order: "desc", key: null, id },
    ];
    for (const cursor of cursors) expect(decodeSessionCursor(encodeSessionCursor(cursor))).toEqual(cursor);
  });

  it("refuses anything Postgres would choke on", () => {
    for (const key of ["yesterday", "2026-02-30T10:00:00.000000Z", "2026-11-25T10:00:00Z", "1; drop table"]) {
      expect(decodeSessionCursor(forge({ sort: "created", order: "desc", key, id }))).toBeNull();
    }
    expect(decodeSessionCursor(forge({ sort: "latency", order: "desc", key: "99999999999", id }))).toBeNull();
    expect(decodeSessionCursor(forge({ sort: "status", order: "desc", key: "dead", id }))).toBeNull();
    expect(decodeSessionCursor(forge({ sort: "name", order: "desc", key: null, id }))).toBeNull();
    expect(decodeSessionCursor(forge({ sort: "created", order: "desc", key: null, id: "1" }))).toBeNull();
    expect(decodeSessionCursor("not base64 json")).toBeNull();
  });
});
