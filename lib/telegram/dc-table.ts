import { DC_MAPPING_PROD, serializeGramjsSession } from "@mtcute/convert";
import { telegramTarget } from "./target";

export type DcEndpoint = { id: number; address: string; port: number };

/** The DCs the console dials, by id: Telegram's production DCs, or the sandbox's. */
export async function dcTable(): Promise<DcEndpoint[]> {
  const target = await telegramTarget();
  if (target.kind === "sandbox") return target.info.dcs.map(({ id, address, port }) => ({ id, address, port }));
  return Object.values(DC_MAPPING_PROD).map(({ main }) => ({ id: main.id, address: main.ipAddress, port: main.port }));
}

/**
 * The session string the console stores for a key homed on `dcId`, its address taken from the console's own
 * table (never from wherever the key came from). Undefined for a DC the table does not have.
 */
export async function sessionStringFor(dcId: number, authKey: Uint8Array): Promise<string | undefined> {
  const dc = (await dcTable()).find((entry) => entry.id === dcId);
  if (!dc) return undefined;
  return serializeGramjsSession({ dcId, ipAddress: dc.address, ipv6: false, port: dc.port, authKey });
}
