import type { Page } from "@playwright/test";

/** One Set-Cookie header as the server sent it: the name and its attributes, lower-cased, valueless ones as "". */
export type SetCookie = { name: string; attributes: Record<string, string>; from: string };

export function parseSetCookie(header: string, from: string): SetCookie {
  const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
  return {
    name: pair.slice(0, pair.indexOf("=")),
    attributes: Object.fromEntries(
      attributes.map((attribute) => {
        const separator = attribute.indexOf("=");
        return separator === -1
          ? [attribute.toLowerCase(), ""]
          : [attribute.slice(0, separator).toLowerCase(), attribute.slice(separator + 1)];
      }),
    ),
    from,
  };
}

/** Collects every Set-Cookie header the page receives from now on, before the browser files the cookies away. */
export function recordSetCookies(page: Page): SetCookie[] {
  const seen: SetCookie[] = [];
  page.on("response", async (response) => {
    const from = `${response.request().method()} ${new URL(response.url()).pathname}`;
    for (const header of await response.headersArray().catch(() => [])) {
      if (header.name.toLowerCase() === "set-cookie")
        seen.push(...header.value.split("\n").map((value) => parseSetCookie(value, from)));
    }
  });
  return seen;
}
