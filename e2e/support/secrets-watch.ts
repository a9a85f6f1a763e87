import type { APIResponse, BrowserContext, Response } from "@playwright/test";
import { serverLog } from "./server-log";

type Captured = { method: string; url: string; status: number; body: string };

type Secret = {
  label: string;
  value: string;
  /** The one response allowed to carry it: the one-time reveal that created it. */
  revealedBy?: (response: Captured) => boolean;
  /** Occurrences the product legitimately shows, removed before searching (say, a hint the owner chose). */
  ignore?: RegExp;
  /** Whether the server log may contain it (only the setup token, which is printed there on purpose). */
  allowedInLog?: boolean;
};

/**
 * Secrets stay server-side: passwords, setup and API tokens never appear in a response other than their one-time reveal,
 * nor in the server log. Collects every JSON answer the console gives during a test and searches them.
 */
export class SecretsWatch {
  private readonly secrets: Secret[] = [];
  private readonly captured: Captured[] = [];
  private readonly pending: Promise<void>[] = [];

  add(label: string, value: string, options: Omit<Secret, "label" | "value"> = {}): void {
    this.secrets.push({ label, value, ...options });
  }

  /** Captures every JSON response the browser context receives from the console. */
  watch(context: BrowserContext): void {
    context.on("response", (response) => this.pending.push(this.capture(response)));
  }

  /** Records a response received outside the browser (a request context). */
  async record(response: APIResponse, method: string): Promise<void> {
    if (!isJson(response.headers()["content-type"])) return;
    this.captured.push({
      method,
      url: response.url(),
      status: response.status(),
      body: await response.text().catch(() => ""),
    });
  }

  get responseCount(): number {
    return this.captured.length;
  }

  /** Every place a secret was found where it must not be. */
  async leaks(): Promise<string[]> {
    await Promise.all(this.pending);
    const log = serverLog();
    return this.secrets.flatMap((secret) => {
      const found: string[] = [];
      const hits = this.captured.filter((c) =>
        (secret.ignore ? c.body.replace(secret.ignore, "") : c.body).includes(secret.value),
      );
      const reveals = hits.filter((c) => secret.revealedBy?.(c));
      if (reveals.length > 1) found.push(`${secret.label}: revealed ${reveals.length} times`);
      for (const hit of hits.filter((c) => !secret.revealedBy?.(c)))
        found.push(`${secret.label} in ${hit.method} ${hit.url} (${hit.status})`);
      if (!secret.allowedInLog && log.includes(secret.value)) found.push(`${secret.label} in the server log`);
      return found;
    });
  }

  private async capture(response: Response): Promise<void> {
    if (!isJson(response.headers()["content-type"])) return;
    const body = await response.text().catch(() => null);
    if (body !== null)
      this.captured.push({ method: response.request().method(), url: response.url(), status: response.status(), body });
  }
}

function isJson(contentType: string | undefined): boolean {
  return /json/.test(contentType ?? "");
}

/** The one-time reveal of a value: this method and path answered with 2xx. */
export function revealedBy(method: string, path: RegExp): (response: Captured) => boolean {
  return (c) => c.method === method && path.test(new URL(c.url).pathname) && c.status >= 200 && c.status < 300;
}
