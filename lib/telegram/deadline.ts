import { TelegramFailure } from "./errors";

/**
 * Settles with `work`, or fails as a transient TIMEOUT after `ms`. GramJS has no per-request timeout
 * and its connect() can wait forever, so every call to Telegram the console makes goes through this.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TelegramFailure("transient", "TIMEOUT")), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
