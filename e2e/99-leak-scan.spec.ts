import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { ensureFirstAdmin } from "./support/admin-cli";
import { signInThroughPage } from "./support/auth";
import { e2eDatabaseUrl } from "./support/database-url";
import { formsOf, sessionCanaries, type Canary } from "./support/leak-canaries";
import { responseLogFile } from "./support/response-log";
import { createSandboxAccount } from "./support/sandbox";
import { serverLog } from "./support/server-log";
import { expect, test } from "./support/test";
import { enterCode, enterTwoStepPassword, expectAccountAdded, openWizard, sendCodeTo } from "./support/wizard";

// Runs last: searches everything the run left behind for the secrets it used (issue 4's leak test).
type Source = { name: string; text: string; codesCount: boolean };

const twoStep = { phone: "9996627391", typed: "+9996627391", password: `leak-canary-${randomBytes(9).toString("base64url")}` };
/** Login codes used in this run; a code only counts as a word of its own (a phone number may contain the digits). */
const codes = ["11111", "22222", "33333"];

function sources(): Source[] {
  const responses = readFileSync(responseLogFile, "utf8").trim().split("\n").map((line) => JSON.parse(line) as { url: string; type: string; body: string });
  const dump = execFileSync("pg_dump", ["--data-only", "--no-owner", e2eDatabaseUrl()], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const audit = execFileSync("psql", [e2eDatabaseUrl(), "-At", "-c", "select row_to_json(a) from audit_log a"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return [
    // Pages show the sandbox's demo codes on purpose (its test-DC convention), so codes are sought in JSON only.
    ...responses.map((r) => ({ name: `response ${r.url}`, text: r.body, codesCount: r.type.includes("json") })),
    { name: "server log", text: serverLog(), codesCount: true },
    { name: "audit table", text: audit, codesCount: true },
    { name: "database dump", text: dump, codesCount: true },
  ];
}

test("no session string, auth key, password or login code is anywhere outside the ciphertext", async ({ page }) => {
  await createSandboxAccount({ phone: twoStep.phone, firstName: "Leak Canary", password: twoStep.password, hint: "canary" });
  await signInThroughPage(page, await ensureFirstAdmin());
  await openWizard(page);
  await sendCodeTo(page, twoStep.typed);
  await enterCode(page, "22222");
  await enterTwoStepPassword(page, twoStep.password);
  await expectAccountAdded(page);

  const canaries: Canary[] = [...(await sessionCanaries()), { label: "two-step password", forms: formsOf(twoStep.password) }];
  expect(canaries.length, "the run logged in several accounts, each with its own key").toBeGreaterThanOrEqual(6);
  const searched = sources();
  const hits: string[] = [];
  let checks = 0;
  for (const source of searched) {
    for (const canary of canaries) {
      for (const form of canary.forms) {
        checks++;
        if (source.text.includes(form)) hits.push(`${canary.label} in ${source.name}`);
      }
    }
    for (const code of codes.filter(() => source.codesCount)) {
      checks++;
      if (new RegExp(`\\b${code}\\b`).test(source.text)) hits.push(`login code ${code} in ${source.name}`);
    }
  }
  console.log(`leak scan: ${canaries.length} secrets in ${checks} (secret form × source) checks over ${searched.length} sources: ${hits.length} hits`);
  expect(hits).toEqual([]);
});
