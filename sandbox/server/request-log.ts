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

export const DEFAULT_LOG_ENTRIES = 2000;

/** The last requests the DCs answered (method names and outcomes only, never arguments). */
export class RequestLog {
  private entries: LogEntry[] = [];

  constructor(private readonly maxEntries = DEFAULT_LOG_ENTRIES) {}

  add(entry: LogEntry): void {
    this.entries.push(entry);
    // Trimmed in chunks: one splice per added entry would copy the whole log each time once it is full.
    if (this.entries.length > this.maxEntries * 1.1) this.entries.splice(0, this.entries.length - this.maxEntries);
  }

  list(phone?: string): LogEntry[] {
    return phone ? this.entries.filter((e) => e.phone === phone) : [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
