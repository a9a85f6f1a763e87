import { createHash } from "node:crypto";
import { sessions } from "telegram";
import { AuthKey } from "telegram/crypto/AuthKey.js";
import type { MintedAuthorization } from "./control/views";

/** The GramJS StringSession string of a minted authorization: what the client would have saved after logging in. */
export function mintedSessionString(
  minted: Pick<MintedAuthorization, "dcId" | "address" | "port" | "authKey">,
): string {
  const key = Buffer.from(minted.authKey, "hex");
  const session = new sessions.StringSession("");
  session.setDC(minted.dcId, minted.address, minted.port);
  session.authKey = new AuthKey(key, createHash("sha1").update(key).digest());
  return session.save();
}

/** The server salt of a minted authorization as GramJS holds it (a signed little-endian 64-bit integer, as text). */
export function mintedServerSalt(minted: Pick<MintedAuthorization, "serverSalt">): string {
  return Buffer.from(minted.serverSalt, "hex").readBigInt64LE(0).toString();
}
