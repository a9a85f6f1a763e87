import { describe, expect, it } from "vitest";
import { readSessionListAddress, sessionListSearch, sortedBy } from "./session-list-params";

const read = (query: string) => readSessionListAddress(new URLSearchParams(query));

describe("the sessions list address", () => {
  it("reads filters, sort and the cursors walked, and falls back to the default view for anything unknown", () => {
    expect(read("status=degraded&q=alice&sort=latency&order=asc&cursor=a&cursor=b")).toEqual({
      status: "degraded",
      q: "alice",
      sort: "latency",
      order: "asc",
      cursors: ["a", "b"],
    });
    expect(read("status=dead&sort=name&order=up")).toEqual({
      status: "",
      q: "",
      sort: "created",
      order: "desc",
      cursors: [],
    });
    expect(read(`q=${"x".repeat(150)}`).q).toHaveLength(100);
  });

  it("writes only what differs from the default view, so the plain list is /sessions", () => {
    expect(sessionListSearch(read(""))).toBe("");
    expect(sessionListSearch({ ...read(""), q: "a b", cursors: ["c1", "c2"] })).toBe("?q=a+b&cursor=c1&cursor=c2");
    const address = read("status=invalid&q=x&sort=expiry&order=asc&cursor=c1");
    expect(read(sessionListSearch(address).slice(1))).toEqual(address);
  });

  it("sorts by a new column in its first order, flips the current one, and starts at page 1", () => {
    const address = read("sort=created&order=desc&cursor=c1");
    expect(sortedBy(address, "expiry")).toMatchObject({ sort: "expiry", order: "asc" });
    expect(sortedBy(address, "created")).toMatchObject({ sort: "created", order: "asc" });
    expect(sessionListSearch(sortedBy(address, "latency"))).toBe("?sort=latency");
  });
});
