import { parseGramjsSession, serializePyrogramSession, serializeTelethonSession } from "@mtcute/convert";
import type { LeaseFormat } from "@/db/schema";

/** Who the key belongs to and which app it is for, for formats that carry them (Pyrogram). */
export type LeaseOwner = { telegramUserId: bigint; apiId: number };

const authKeyBytes = 256;

/**
 * The lease's key in the string format its service's library reads. `gramjs` is the console's own format; the
 * others are written by @mtcute/convert from the same DC, address and key.
 */
export function toLeaseString(gramjs: string, format: LeaseFormat, owner: LeaseOwner): string {
  if (format === "gramjs") return gramjs;
  const session = parseGramjsSession(gramjs);
  // A key is kept in its shortest big-endian form; the other formats want all 256 bytes.
  const authKey = new Uint8Array(authKeyBytes);
  authKey.set(session.authKey, authKeyBytes - session.authKey.length);
  if (format === "telethon") return serializeTelethonSession({ ...session, authKey });
  return serializePyrogramSession({
    dcId: session.dcId,
    apiId: owner.apiId,
    isTest: false,
    authKey,
    userId: Number(owner.telegramUserId),
    isBot: false,
  });
}
