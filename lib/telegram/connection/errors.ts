import { shareAcrossBundles } from "@/lib/errors/shared-class";

/** Another process holds this session's connection lease (callers answer 409). */
export class SessionBusyError extends Error {
  constructor(
    readonly sessionId: string,
    readonly leaseUntil: Date | null,
  ) {
    super("This session is in use by another process. Try again in a moment.");
    this.name = "SessionBusyError";
  }
}

/** Telegram asked us to wait before calling `method` again for this session (callers answer 429). */
export class FloodWaitActiveError extends Error {
  constructor(
    readonly sessionId: string,
    readonly method: string,
    readonly until: Date,
  ) {
    super(`Telegram asked to wait until ${until.toISOString()} before calling ${method} again.`);
    this.name = "FloodWaitActiveError";
  }

  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.until.getTime() - Date.now()) / 1000));
  }
}

/** The session is gone (no such row) or holds no session to connect with (revoked, ciphertext destroyed). */
export class SessionUnavailableError extends Error {
  constructor(
    readonly sessionId: string,
    readonly reason: "not_found" | "revoked",
  ) {
    super(reason === "not_found" ? "This session was not found." : "This session has been revoked.");
    this.name = "SessionUnavailableError";
  }
}

shareAcrossBundles("SessionBusyError", SessionBusyError);
shareAcrossBundles("FloodWaitActiveError", FloodWaitActiveError);
shareAcrossBundles("SessionUnavailableError", SessionUnavailableError);
