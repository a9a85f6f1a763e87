import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = fileURLToPath(new URL("./", import.meta.url));

/** Suites beside the code they test (and beside the test support code), proxy.test.ts at the root included. */
const colocated = [
  ...readdirSync(root).filter((file) => file.endsWith(".test.ts")),
  ...["app", "components", "db", "lib", "sandbox", "tests/support"].flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".test.ts"))
      .map((file) => `${dir}/${file}`),
  ),
];
/** Suites under tests/ that cut across the code (kill -9 and restarts, CLIs, other clients): integration, but for these. */
const crossCutting = readdirSync(path.join(root, "tests")).filter((dir) => dir !== "support");
const reliabilityDirs = ["reliability", "security"];
const source = (file: string) => readFileSync(path.join(root, file), "utf8");
/**
 * A colocated suite is an integration suite when it starts a sandbox DC or child processes, reaches Postgres itself
 * or runs on both drivers regardless of tier (`allDrivers`: the 10,000-row suites, say). Read from its source, so a
 * new or moved suite lands in its tier without a list to keep up.
 */
const needsIntegration = (file: string) =>
  /\b(startTestSandbox|startConsoleSandbox|withTestSandbox|startSandbox)\(|node:child_process|testPostgresUrl|createTestDatabase\("postgres"|\ballDrivers\b/.test(
    source(file),
  );
/**
 * A suite that drives password sign-ins (a 128 MiB scrypt per attempt, floods of forty at once) is not fast-loop
 * material: it runs with the security suites, on both drivers.
 */
const signsInWithPasswords = (file: string) => /\b(authorizeCredentials|postCredentials)\(/.test(source(file));
/** A unit suite on each test driver (`describe.each(testDrivers)`) runs its Postgres half in the integration tier. */
const onEachDriver = (file: string) => /\btestDrivers\b/.test(source(file));
/** Literal paths as globs: `app/api/v1/sessions/[id]/…` must not read as a character class. */
const literal = (file: string) => file.replace(/[[\]{}()*?!]/g, "\\$&");

const unitSuites = colocated.filter((file) => !needsIntegration(file) && !signsInWithPasswords(file));
const tier = (name: string, include: string[], drivers: string): TestProjectInlineConfiguration => ({
  extends: true,
  test: { name, include, env: { TEST_DRIVERS: drivers } },
});

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Tests are server code: "server-only" is its empty module here, as it is in Next's server bundles.
      "server-only": path.join(root, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    environment: "node",
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // next-auth imports "next/server" without an extension, which Node's ESM loader cannot resolve.
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      // The fast loop: PGlite in memory, no sandbox DC, no Postgres, no child processes.
      tier("unit", unitSuites.map(literal), "pglite"),
      // Postgres through the Neon driver and relay, the sandbox DC, kill -9 and restart in child processes.
      tier(
        "integration",
        [
          ...colocated.filter(needsIntegration).map(literal),
          ...unitSuites.filter(onEachDriver).map(literal),
          ...crossCutting.filter((dir) => !reliabilityDirs.includes(dir)).map((dir) => `tests/${dir}/**/*.test.ts`),
        ],
        "postgres",
      ),
      // Fuzz, injected faults and the security matrices; FUZZ_RUNS and DB_FAULTS scale them up for the soak.
      tier(
        "reliability",
        [
          ...reliabilityDirs.map((dir) => `tests/${dir}/**/*.test.ts`),
          ...colocated.filter((file) => !needsIntegration(file) && signsInWithPasswords(file)).map(literal),
        ],
        "pglite,postgres",
      ),
    ],
  },
});
