import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BAD_SERVER_SALT } from "@/sandbox/mtproto/encrypted-session";
import { startTestSandbox } from "@/tests/support/sandbox";
import { runTelethon } from "./run-telethon";

const SCHEMA_144 = fileURLToPath(new URL("../../sandbox/tl/layer-144.tl", import.meta.url));

const FLOWS = [
  "schema 144",
  "key exchange TcpFull",
  "key exchange TcpIntermediate",
  "key exchange TcpAbridged",
  "code login",
  "2FA and wrong password",
  "wrong code",
  "StringSession resume and GetAuthorizations devices",
  "QR login",
  "QR login with 2FA",
  "QR login, account on DC1",
  "QR login, account on DC3",
  "log_out then AUTH_KEY_UNREGISTERED",
  "FLOOD_WAIT from a fault",
  "revoked then SESSION_REVOKED",
  "PHONE_MIGRATE to DC1",
  "PHONE_MIGRATE to DC3",
  "kept open past the getDifference timer",
  "AUTH_KEY_DUPLICATED from two addresses",
  "frozen: getAppConfig and FROZEN_METHOD_INVALID",
  "banned: USER_DEACTIVATED_BAN and PHONE_NUMBER_BANNED",
  "restricted: user.restricted with its reason",
];

describe("Telethon 1.25 (Debian's python3-telethon, unmodified) against the sandbox", () => {
  let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
  let run: Awaited<ReturnType<typeof runTelethon>>;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    run = await runTelethon({ info: sandbox.info, run: "71", schema144: SCHEMA_144, flows: FLOWS });
  }, 120_000);
  afterAll(() => sandbox?.cleanup());

  it.each(FLOWS)("%s", (flow) => {
    const result = run.results.get(flow);
    expect(result, `no result for "${flow}"; Telethon's stderr:\n${run.stderr}`).toBeDefined();
    expect(result!.ok, `${flow}: ${JSON.stringify(result!.detail)}`).toBe(true);
  });

  it("served every Telethon request in layer 144 and answered its getDifference", () => {
    // A message refused for its salt (Telethon keeps none between connections) was never read as a request.
    const entries = sandbox.log().filter((e) => e.result !== BAD_SERVER_SALT);
    expect(entries.length).toBeGreaterThan(50);
    expect(new Set(entries.map((e) => e.layer))).toEqual(new Set([144]));
    const differences = sandbox.log("9996627111").filter((e) => e.method === "updates.GetDifference");
    expect(differences.length).toBeGreaterThan(0);
    expect(differences.every((e) => e.result === "ok")).toBe(true);
  });
});
