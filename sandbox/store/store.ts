import { StateFile } from "./state-file";
import {
  emptyState,
  type AccountRecord,
  type AuthKeyRecord,
  type AuthorizationRecord,
  type SandboxState,
} from "./types";

/** The sandbox's persistent state plus lookups; every mutation calls `changed()`. */
export class Store {
  state: SandboxState;

  constructor(private readonly file: StateFile) {
    this.state = file.load();
  }

  changed(): void {
    this.file.scheduleSave(this.state);
  }

  flush(): void {
    this.file.flush(this.state);
  }

  reset(): void {
    this.state = emptyState();
    this.changed();
  }

  account(phone: string): AccountRecord | undefined {
    return this.state.accounts[phone];
  }

  accountByUserId(userId: string): AccountRecord | undefined {
    return Object.values(this.state.accounts).find((a) => a.userId === userId);
  }

  authKey(id: string): AuthKeyRecord | undefined {
    return this.state.authKeys[id];
  }

  authorization(hash: string): AuthorizationRecord | undefined {
    return this.state.authorizations[hash];
  }

  authorizationsOf(userId: string): AuthorizationRecord[] {
    return Object.values(this.state.authorizations).filter((a) => a.userId === userId && a.state === "active");
  }
}
