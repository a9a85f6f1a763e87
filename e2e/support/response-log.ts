import { appendFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "@playwright/test";
import { e2eDataDir } from "./config";

/** Every response body the browsers of this run received from the console (build assets aside), one JSON line each. */
export const responseLogFile = path.join(e2eDataDir, "responses.ndjson");

const writing = new Set<Promise<void>>();

export function recordResponses(context: BrowserContext): void {
  context.on("response", (response) => {
    if (new URL(response.url()).pathname.startsWith("/_next/static/")) return;
    const written = response.text().then(
      (body) =>
        appendFileSync(
          responseLogFile,
          JSON.stringify({ url: response.url(), type: response.headers()["content-type"] ?? "", body }) + "\n",
        ),
      () => undefined,
    );
    writing.add(written);
    void written.finally(() => writing.delete(written));
  });
}

/** Waits until every response received so far is in the log (bodies are read and written in the background). */
export async function flushResponses(): Promise<void> {
  await Promise.all(writing);
}
