export interface LogEntry {
  at: number;
  dcId: number;
  authKeyId: string;
  method: string;
  /** The API layer the request was read and answered in (absent when it could not be read). */
  layer?: number;
  phone?: string;
  result: string;
}

const MAX_ENTRIES = 2000;

/** The last requests the DCs answered (method names and outcomes only, never arguments). */
export class RequestLog {
  private entries: LogEntry[] = [];

  add(entry: LogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(phone?: string): LogEntry[] {
    return phone ? this.entries.filter((e) => e.phone === phone) : [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
