import { spawn, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The build folder `next build` wrote and `next start` reads (next.config.ts honours the same variable). */
export const distDir = process.env.NEXT_DIST_DIR ?? ".next";

/**
 * A private copy of the production build, so another `next build` in this tree (the e2e suite rebuilds) cannot
 * swap chunks under the running server. Builds first if there is no finished build; waits out a build in progress.
 */
export async function snapshotBuild(): Promise<{ dir: string; remove(): void }> {
  for (let waited = 0; buildRunning() && waited < 300; waited += 5)
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  if (!existsSync(path.join(distDir, "BUILD_ID"))) await run(["next", "build"]);
  const dir = mkdtempSync(path.join(tmpdir(), "bench-next-"));
  const skipped = (source: string) => /^(cache|dev)(\/|$)/.test(path.relative(distDir, source));
  cpSync(distDir, path.join(dir, distDir), { recursive: true, filter: (source) => !skipped(source) });
  for (const entry of ["node_modules", "lib", "db", "public", "package.json", "next.config.ts", "tsconfig.json"]) {
    if (existsSync(entry)) symlinkSync(path.resolve(entry), path.join(dir, entry));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function buildRunning(): boolean {
  try {
    return execFileSync("pgrep", ["-f", "next build"], { encoding: "utf8" }).trim().length > 0;
  } catch {
    return false;
  }
}

function run(args: string[]): Promise<void> {
  const child = spawn("npx", args, { stdio: "inherit" });
  return new Promise((resolve, reject) =>
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} failed`)))),
  );
}
