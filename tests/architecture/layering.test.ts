import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "../..") });

/** The layering messages ESLint gives `code` as if it were the file at `filePath` (the file need not exist). */
async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.endsWith("no-restricted-imports")).map((m) => m.message);
}

describe("import layering (eslint.config.mjs)", () => {
  it.each([
    ["lib/example.ts", 'import { eq } from "drizzle-orm";\nexport const x = eq;\n'],
    ["lib/example.ts", 'import { sql } from "drizzle-orm/sql";\nexport const x = sql;\n'],
    [
      "app/api/example/route.ts",
      'import { telegramSessions } from "@/db/schema";\nexport const x = telegramSessions;\n',
    ],
    [
      "components/example.tsx",
      'import { sessionRotations } from "@/db/schema/rotations";\nexport const x = sessionRotations;\n',
    ],
    ["lib/example.ts", 'import { usersRelations } from "@/db/schema";\nexport const x = usersRelations;\n'],
    ["db/queries/example.ts", 'import { hashPassword } from "@/lib/auth/sign-in";\nexport const x = hashPassword;\n'],
    ["db/queries/example.ts", 'import type { Actor } from "@/lib/auth/actors";\nexport type X = Actor;\n'],
    ["lib/example.ts", 'import { vi } from "vitest";\nexport const x = vi;\n'],
    [
      "db/queries/example.ts",
      'import { createTestDatabase } from "@/tests/support/database";\nexport const x = createTestDatabase;\n',
    ],
  ])("refuses %s importing: %s", async (filePath, code) => {
    expect(await layeringErrors(filePath, code)).toHaveLength(1);
  });

  it.each([
    [
      "lib/example.ts",
      'import type { TelegramSession, SessionStatus } from "@/db/schema";\nexport type X = [TelegramSession, SessionStatus];\n',
    ],
    ["lib/example.ts", 'import { sessionStatusEnum } from "@/db/schema";\nexport const x = sessionStatusEnum;\n'],
    [
      "lib/example.ts",
      'import type { telegramSessions } from "@/db/schema";\nexport type X = typeof telegramSessions;\n',
    ],
    ["lib/example.ts", 'import { listSessions } from "@/db/queries/sessions";\nexport const x = listSessions;\n'],
    [
      "db/index.ts",
      'import { env } from "@/lib/env";\nimport { dataPath } from "@/lib/env/data-dir";\nexport const x = [env, dataPath];\n',
    ],
    [
      "lib/example.test.ts",
      'import { eq } from "drizzle-orm";\nimport { vi } from "vitest";\nexport const x = [eq, vi];\n',
    ],
    [
      "scripts/example.ts",
      'import { eq } from "drizzle-orm";\nimport { users } from "@/db/schema";\nexport const x = [eq, users];\n',
    ],
    [
      "tests/support/example.ts",
      'import { telegramSessions } from "@/db/schema";\nexport const x = telegramSessions;\n',
    ],
  ])("allows %s importing: %s", async (filePath, code) => {
    expect(await layeringErrors(filePath, code)).toEqual([]);
  });
});
