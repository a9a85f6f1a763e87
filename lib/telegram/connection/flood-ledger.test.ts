import { Api } from "telegram";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOne, sessionRow } from "@/tests/support/sandbox-sessions";
import { shortDeadlines, startConsoleSandbox } from "@/tests/support/sandbox";
import { createTestDatabase, allDrivers, type TestDatabase } from "@/tests/support/database";
import { FloodWaitActiveError } from "./errors";
import { ConnectionManager } from "./manager";

const sandbox = await startConsoleSandbox(shortDeadlines);

const method = "users.GetUsers";
const getSelf = (client: { invoke: (r: Api.users.GetUsers) => Promise<unknown> }) =>
  client.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));
const config = { idleMs: 0, floodSleepSeconds: 3 };

describe.each(allDrivers)("flood-wait ledger on %s", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  it("records a long FLOOD_WAIT, counts the hit, and sends nothing for that method until it ends", async () => {
    const { db } = database;
    const { id, phone } = await seedOne(db);
    sandbox.addFault({ method, error: "FLOOD_WAIT_30", code: 420, times: 1, phone });
    const error = await new ConnectionManager(config).run(db, id, getSelf, { method }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FloodWaitActiveError);
    const until = (error as FloodWaitActiveError).until.getTime();
    expect(until - Date.now()).toBeGreaterThan(28_000);
    const row = await sessionRow(db, id);
    expect(row).toMatchObject({ rateLimitHits: 1 });
    expect(row.floodWaitUntil?.getTime()).toBe(until);

    const hit = sandbox.log(phone).findIndex((entry) => entry.result === "FLOOD_WAIT_30");
    const after = () => sandbox.log(phone).slice(hit + 1);
    // Another process (a fresh manager reads the ledger from the database): work that names the method
    // does not even connect; work that does not name it connects, but its request is held back.
    await expect(
      new ConnectionManager(config).run(db, id, getSelf, { method: "users.getUsers" }),
    ).rejects.toBeInstanceOf(FloodWaitActiveError);
    expect(after()).toEqual([]);
    await expect(new ConnectionManager(config).run(db, id, getSelf)).rejects.toBeInstanceOf(FloodWaitActiveError);
    expect(after().map((entry) => entry.method)).toEqual(["help.GetConfig"]);
  });

  it("sleeps through a short wait and sends the request again only after it ends", async () => {
    const { db } = database;
    const { id, phone } = await seedOne(db);
    sandbox.addFault({ method, error: "FLOOD_WAIT_2", code: 420, times: 1, phone });
    await expect(new ConnectionManager(config).run(db, id, getSelf, { method })).resolves.toBeTruthy();
    const calls = sandbox.log(phone).filter((entry) => entry.method === method);
    expect(calls.map((entry) => entry.result)).toEqual(["FLOOD_WAIT_2", "ok"]);
    const [flood, retry] = calls.map((entry) => entry.at);
    expect((retry ?? 0) - (flood ?? 0)).toBeGreaterThanOrEqual(2_000);
    expect((await sessionRow(db, id)).rateLimitHits).toBe(1);
  });

  it("honours a FLOOD_WAIT on connect (initConnection's help.GetConfig) like any other", async () => {
    const { db } = database;
    const { id, phone } = await seedOne(db);
    sandbox.addFault({ method: "help.GetConfig", error: "FLOOD_WAIT_40", code: 420, times: 1, phone });
    const error = await new ConnectionManager(config).run(db, id, getSelf, { method }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "FloodWaitActiveError", method: "help.GetConfig" });
    const requests = sandbox.log(phone).length;
    await expect(new ConnectionManager(config).run(db, id, getSelf)).rejects.toBeInstanceOf(FloodWaitActiveError);
    expect(sandbox.log(phone)).toHaveLength(requests);
    expect((await sessionRow(db, id)).rateLimitHits).toBe(1);
  });
});
