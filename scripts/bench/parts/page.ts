import { stage } from "../api/stage";
import { fmt, median, type Figure } from "../figure";
import { launch, loadPage, signIn, type PageLoad } from "../page/browser";
import { gzipBytesOfScripts } from "../page/first-load-js";

const loads = 9;

/** /sessions at 10,000 sessions in Chromium, signed in: time to first byte, time until the table shows, first-load JS. */
export async function pageBench(): Promise<Figure[]> {
  const { next, credentials } = await stage();
  const browser = await launch();
  const results: PageLoad[] = [];
  try {
    const state = await signIn(browser, next.url, credentials);
    await loadPage(browser, next.url, state, "/sessions"); // warm-up
    for (let i = 0; i < loads; i++) results.push(await loadPage(browser, next.url, state, "/sessions"));
  } finally {
    await browser.close();
  }
  const js = gzipBytesOfScripts(results[0]?.scripts ?? [], next.staticDir);
  const kb = js.bytes / 1024;
  const note = `median of ${loads} cold loads (fresh browser context each)`;
  return [
    {
      part: "page",
      name: "/sessions time to first byte",
      target: "—",
      measured: `${fmt(median(results.map((r) => r.ttfbMs)))} ms`,
      pass: null,
      note,
    },
    {
      part: "page",
      name: "/sessions until the table is visible",
      target: "—",
      measured: `${fmt(median(results.map((r) => r.tableMs)))} ms`,
      pass: null,
      note,
    },
    {
      part: "page",
      name: "/sessions first-load JS, gzip",
      target: "≤ 150 KB",
      measured: `${fmt(kb)} KB`,
      pass: kb <= 150,
      note: `${js.files} script files from the build`,
    },
  ];
}
