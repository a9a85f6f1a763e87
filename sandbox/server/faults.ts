export interface RpcFault {
  /** GramJS class name ("users.GetUsers") or TL name ("users.getUsers"); any method when absent. */
  method?: string;
  error: string;
  code: number;
  /** How many calls it hits; 0 = until DELETE /faults. */
  times: number;
  phone?: string;
}

export type TransportFaultKind = "drop" | "delay" | "stall" | "404";

export interface TransportFault {
  kind: TransportFaultKind;
  ms: number;
  times: number;
  phone?: string;
}

/** Injected failures, consumed in the order they were added. */
export class Faults {
  private rpc: RpcFault[] = [];
  private transport: TransportFault[] = [];

  addRpc(fault: RpcFault): void {
    this.rpc.push({ ...fault });
  }

  addTransport(fault: TransportFault): void {
    this.transport.push({ ...fault });
  }

  clear(): void {
    this.rpc = [];
    this.transport = [];
  }

  takeRpc(method: string, phone: string | undefined): RpcFault | undefined {
    const wanted = method.toLowerCase();
    return take(this.rpc, (f) => (!f.method || f.method.toLowerCase() === wanted) && matchesPhone(f, phone));
  }

  takeTransport(phone: string | undefined): TransportFault | undefined {
    return take(this.transport, (f) => matchesPhone(f, phone));
  }
}

function matchesPhone(fault: { phone?: string }, phone: string | undefined): boolean {
  return !fault.phone || fault.phone === phone;
}

function take<T extends { times: number }>(list: T[], match: (item: T) => boolean): T | undefined {
  const index = list.findIndex(match);
  const item = list[index];
  if (!item) return undefined;
  if (item.times > 0 && --item.times === 0) list.splice(index, 1);
  return item;
}
