import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { emptyState, type SandboxState } from "./types";

const STATE_FILE = "state.json";

/** Persists the sandbox state as one JSON file, written atomically and coalesced. */
export class StateFile {
  private readonly path: string;
  private pending: NodeJS.Timeout | undefined;

  constructor(
    dataDir: string,
    private readonly flushDelayMs = 20,
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.path = join(dataDir, STATE_FILE);
  }

  load(): SandboxState {
    if (!existsSync(this.path)) return emptyState();
    return { ...emptyState(), ...(JSON.parse(readFileSync(this.path, "utf8")) as Partial<SandboxState>) };
  }

  scheduleSave(state: SandboxState): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.write(state);
    }, this.flushDelayMs);
  }

  flush(state: SandboxState): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = undefined;
    this.write(state);
  }

  /** Recreates the data folder if it was removed; a save that still fails is logged and the DC keeps serving. */
  private write(state: SandboxState): void {
    const tmp = `${this.path}.tmp`;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
      renameSync(tmp, this.path);
    } catch (error) {
      console.error(`sandbox: could not save ${this.path}: ${(error as Error).message}`);
    }
  }
}
