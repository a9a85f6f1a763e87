import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { readdirSync, readFileSync } from "node:fs";
import drizzle from "eslint-plugin-drizzle";

const drizzleObjects = { drizzleObjectName: ["db", "tx"] };

// The table (and relation) objects db/schema exports: only db/ may build queries with them.
const schemaDir = new URL("./db/schema/", import.meta.url);
const tableObjects = readdirSync(schemaDir)
  .filter((file) => file.endsWith(".ts"))
  .flatMap((file) =>
    [...readFileSync(new URL(file, schemaDir), "utf8").matchAll(/export const (\w+) = (?:pgTable|relations)\(/g)].map(
      (match) => match[1],
    ),
  );

const testFiles = ["**/*.test.ts", "**/*.test.tsx"];

const config = [
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      ".data/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "db/migrations/**",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", drizzleObjects],
      "drizzle/enforce-update-with-where": ["error", drizzleObjects],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Product code never depends on the test runner or on test support; tests, scripts and e2e may.
    // ESLint keeps one no-restricted-imports setting per file: another block for these files replaces this one,
    // so restrictions for product code belong in this list.
    files: ["app/**", "lib/**", "db/**", "components/**"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["vitest", "vitest/*", "@/tests", "@/tests/*", "**/tests/*"],
              message: "Product code must not import the test runner or test support (tests/support).",
            },
          ],
        },
      ],
    },
  },
  {
    // All SQL lives in db/queries: the product's other code passes the database on and never builds a query.
    files: ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: testFiles,
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [{ name: "drizzle-orm", message: "Queries live in db/queries: call a function there." }],
          patterns: [
            { group: ["drizzle-orm/*"], message: "Queries live in db/queries: call a function there." },
            {
              group: ["@/db/schema", "@/db/schema/*"],
              importNames: tableObjects,
              allowTypeImports: true,
              message: "Table objects are for db/queries; import their types (import type) or enums instead.",
            },
          ],
        },
      ],
    },
  },
  {
    // db/ is the bottom layer: it may read configuration (lib/env), nothing else of lib/.
    files: ["db/**/*.ts"],
    ignores: testFiles,
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/*", "!@/lib/env", "!@/lib/env/*"],
              message: "db/ imports nothing from lib/ but configuration (lib/env): the caller passes what db needs.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
