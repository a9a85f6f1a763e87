import { appendFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "@playwright/test";
import { e2eDataDir } from "./config";

/** Every response body the browsers of this run received from the console (build assets aside), one JSON line each. */
export const responseLogFile = path.join(e2eDataDir, "responses.ndjson");

export function recordResponses(context: BrowserContext): void {
  context.on("response", (response) => {
    if (new URL(response.url()).pathname.startsWith("/_next/static/")) return;
    void response.text().then(
      (body) => appendFileSync(responseLogFile, JSON.stringify({ url: response.url(), type: response.headers()["content-type"] ?? "", body }) + "\n"),
      () => undefined,
    );
  });
}
