import { describe, expect, it } from "vitest";
import { Api } from "telegram";
import type { MintedAuthorization } from "../control/views";
import { mintedSessionString } from "../minted-session";
import { destroy, newClient, type TestSandbox, withTestSandbox } from "./helpers";

let sandbox: TestSandbox;
withTestSandbox((started) => (sandbox = started));

async function mintOverHttp(
  phone: string,
  body?: unknown,
): Promise<{ status: number; json: MintedAuthorization[] & { error?: { message: string } } }> {
  const response = await fetch(new URL(`/accounts/${phone}/authorizations`, sandbox.info.control), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

describe("minted authorizations (a finished login without the login)", () => {
  it("gives an unmodified GramJS client a session that is signed in as the account", async () => {
    const [minted] = sandbox.mintAuthorizations("9996637001");
    const client = newClient(sandbox, mintedSessionString(minted!), minted!.dcId, "minted device");
    await client.connect();
    const [self] = await client.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));
    expect(self).toBeInstanceOf(Api.User);
    expect((self as Api.User).phone).toBe("9996637001");
    expect((self as Api.User).id.toString()).toBe(minted!.userId);
    await destroy(client);
    const [authorization] = sandbox.authorizations("9996637001");
    expect(authorization).toMatchObject({
      id: minted!.id,
      dcId: 3,
      state: "active",
      device: { model: "minted device" },
    });
  });

  it("mints on the account's home DC, a fresh key each, and revocation ends one like a real login", async () => {
    const created = await mintOverHttp("9996617002", { count: 3 });
    expect(created.status).toBe(201);
    expect(created.json).toHaveLength(3);
    const dc1 = sandbox.info.dcs.find((dc) => dc.id === 1)!;
    for (const minted of created.json) {
      expect(minted).toMatchObject({ phone: "9996617002", dcId: 1, address: dc1.address, port: dc1.port });
      expect(minted.authKey).toMatch(/^[0-9a-f]{512}$/);
    }
    expect(new Set(created.json.map((m) => m.authKey)).size).toBe(3);
    expect(
      sandbox
        .authorizations("9996617002")
        .map((a) => a.id)
        .sort(),
    ).toEqual(created.json.map((m) => m.id).sort());

    const [revoked] = created.json;
    sandbox.revokeAuthorization(revoked!.id);
    const client = newClient(sandbox, mintedSessionString(revoked!), 1);
    await client.connect();
    const refused = await client
      .invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }))
      .catch((error: { errorMessage?: string }) => error);
    expect((refused as { errorMessage?: string }).errorMessage).toBe("SESSION_REVOKED");
    await destroy(client);
  });

  it("mints one without a body, and rejects a bad count or an unknown account with no change", async () => {
    const one = await mintOverHttp("9996627003");
    expect(one.status).toBe(201);
    expect(one.json).toHaveLength(1);
    for (const count of [0, 1.5, "2", 1001]) {
      const bad = await mintOverHttp("9996627003", { count });
      expect(bad.status).toBe(400);
      expect(bad.json.error?.message).toMatch(/count/);
    }
    expect(sandbox.authorizations("9996627003")).toHaveLength(1);
    const unknown = await mintOverHttp("12345678", { count: 1 });
    expect(unknown.status).toBe(404);
    expect(sandbox.getAccount("12345678")).toBeUndefined();
  });
});
