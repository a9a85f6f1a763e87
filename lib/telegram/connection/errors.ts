import { DomainError } from "@/lib/errors/domain";
import { shareAcrossBundles } from "@/lib/errors/shared-class";

/** Another process holds this session's connection lease. */
export class SessionBusyError extends DomainError {
  constructor(
    readonly sessionId: string,
    readonly leaseUntil: Date | null,
  ) {
    super("conflict", "This session is in use by another process. Try again in a moment.");
    this.name = "SessionBusyError";
  }
}

const secondsUntil = (until: Date) => Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));

/** Telegram asked us to wait before calling `method` again for this session. */
export class FloodWaitActiveError extends DomainError {
  constructor(
    readonly sessionId: string,
    readonly method: string,
    readonly until: Date,
  ) {
    super("rate_limited", `Telegram asked to wait until ${until.toISOString()} before calling ${method} again.`, {
      retryAfterSeconds: secondsUntil(until),
    });
    this.name = "FloodWaitActiveError";
  }
}

/** The session is gone (no such row) or holds no session to connect with (revoked, ciphertext destroyed). */
export class SessionUnavailableError extends DomainError {
  constructor(
    readonly sessionId: string,
    readonly reason: "not_found" | "revoked",
  ) {
    super(
      reason === "not_found" ? "not_found" : "conflict",
      reason === "not_found" ? "The session was not found." : "This session has been revoked.",
    );
    this.name = "SessionUnavailableError";
  }
}

shareAcrossBundles("SessionBusyError", SessionBusyError);
shareAcrossBundles("FloodWaitActiveError", FloodWaitActiveError);
shareAcrossBundles("SessionUnavailableError", SessionUnavailableError);
