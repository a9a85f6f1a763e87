import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { ensureFirstAdmin } from "./support/admin-cli";
import { signInThroughPage } from "./support/auth";
import { buildOutputDir, needlesOf, scanFolder, type Needle } from "./support/build-output-scan";
import { e2eSandboxFile } from "./support/config";
import { e2eDatabaseUrl } from "./support/database-url";
import { formsOf, sessionCanaries, type Canary } from "./support/leak-canaries";
import { flushResponses, responseLogFile } from "./support/response-log";
import { createSandboxAccount } from "./support/sandbox";
import { serverLog } from "./support/server-log";
import { expect, test } from "./support/test";
import { enterCode, enterTwoStepPassword, expectAccountAdded, openWizard, sendCodeTo } from "./support/wizard";

// Runs last: searches everything the run left behind for the secrets it used (issue 4's leak test).
type Source = { name: string; text: string; codesCount: boolean };

type Account = { phone: string; firstName: string; password?: string };
const plain: Account = { phone: "9996627392", firstName: "Build Output Canary" };
const twoStep = {
  phone: "9996627391",
  firstName: "Leak Canary",
  password: `leak-canary-${randomBytes(9).toString("base64url")}`,
};
/** Login codes used in this run; a code only counts as a word of its own (a phone number may contain the digits). */
const codes = ["11111", "22222", "33333"];

async function sources(): Promise<Source[]> {
  await flushResponses();
  const responses = readFileSync(responseLogFile, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { url: string; type: string; body: string });
  const dump = execFileSync("pg_dump", ["--data-only", "--no-owner", e2eDatabaseUrl()], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const audit = execFileSync("psql", [e2eDatabaseUrl(), "-At", "-c", "select row_to_json(a) from audit_log a"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return [
    // Pages show the sandbox's demo codes on purpose (its test-DC convention), so codes are sought in JSON only.
    ...responses.map((r) => ({ name: `response ${r.url}`, text: r.body, codesCount: r.type.includes("json") })),
    { name: "server log", text: serverLog(), codesCount: true },
    { name: "audit table", text: audit, codesCount: true },
    { name: "database dump", text: dump, codesCount: true },
  ];
}

/**
 * Adds a DC 2 account through the wizard, as an admin would, and returns every session key of the run: at least
 * the one this login just gave the server, so the canaries are secrets that really passed through it.
 */
async function addAccountAndCollectKeys(page: Page, account: Account): Promise<Canary[]> {
  const before = await sessionCanaries();
  await createSandboxAccount({
    phone: account.phone,
    firstName: account.firstName,
    password: account.password,
    hint: account.password && "canary",
  });
  await signInThroughPage(page, await ensureFirstAdmin());
  await openWizard(page);
  await sendCodeTo(page, `+${account.phone}`);
  await enterCode(page, "22222");
  if (account.password) await enterTwoStepPassword(page, account.password);
  await expectAccountAdded(page);
  const keys = await sessionCanaries();
  expect(keys.length, "the login just made gave the server a key of its own").toBeGreaterThan(before.length);
  return keys;
}

const leased: Account = { phone: "9996627393", firstName: "Lease Canary" };

/**
 * Logs `leased` in through the login API and takes and revokes a lease of it, from the page (so the responses are
 * recorded like any other): the lease string the one 201 carried.
 */
async function takeAndRevokeLease(page: Page): Promise<string> {
  await createSandboxAccount({ phone: leased.phone, firstName: leased.firstName });
  return page.evaluate(async (phone) => {
    const call = async (method: string, url: string, body?: unknown) => {
      const response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    const flow = await call("POST", "/api/v1/telegram/logins", { phone: `+${phone}` });
    const done = await call("POST", `/api/v1/telegram/logins/${flow.id}/code`, { code: "22222" });
    const lease = await call("POST", `/api/v1/sessions/${done.sessionId}/leases`, {
      ttlSeconds: 300,
      format: "gramjs",
    });
    await call("DELETE", `/api/v1/leases/${lease.id}`);
    return lease.session as string;
  }, leased.phone);
}

test("no session string, auth key, password or login code is anywhere outside the ciphertext", async ({ page }) => {
  await addAccountAndCollectKeys(page, twoStep);
  const leaseString = await takeAndRevokeLease(page);
  const keys = await sessionCanaries();
  const canaries: Canary[] = [...keys, { label: "two-step password", forms: formsOf(twoStep.password) }];
  const searched = await sources();
  // A lease string may appear in exactly one place: the 201 that handed it out.
  const leaseCanary = keys.find((key) => key.forms.includes(leaseString));
  expect(leaseCanary, "the lease's key is one the sandbox issued").toBeDefined();
  const leaseSeen = searched.filter((source) => leaseCanary!.forms.some((form) => source.text.includes(form)));
  expect(leaseSeen.map((source) => source.name)).toEqual([expect.stringMatching(/^response .*\/leases$/)]);
  const hits: string[] = [];
  let checks = 0;
  for (const source of searched) {
    const allowed = (canary: Canary) => canary === leaseCanary && source === leaseSeen[0];
    for (const canary of canaries.filter((c) => !allowed(c))) {
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
  console.log(
    `leak scan: ${canaries.length} secrets in ${checks} (secret form × source) checks over ${searched.length} sources: ${hits.length} hits`,
  );
  expect(hits).toEqual([]);
});

const turbopackCache = path.join(buildOutputDir, "cache", "turbopack");

/** The scan finds a needle inside binary content: else "0 hits" would prove nothing. */
function expectScanFindsPlanted(needle: Needle): void {
  const dir = mkdtempSync(path.join(tmpdir(), "tsc-build-scan-"));
  try {
    writeFileSync(path.join(dir, "planted.bin"), Buffer.concat([randomBytes(4096), needle.bytes, randomBytes(4096)]));
    expect(scanFolder(dir, [needle]).hits, "a planted needle").toEqual([`${needle.label} in planted.bin`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the build output the server runs from holds none of the session strings the server handled", async ({ page }) => {
  const canaries = await addAccountAndCollectKeys(page, plain);
  // Render what shows the session, so any page or data cache of the server has had its chance to write it down.
  await page.getByRole("link", { name: "Go to sessions" }).click();
  await page.getByRole("link", { name: plain.firstName }).first().click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: plain.firstName })).toBeVisible();

  const needles = canaries.flatMap(needlesOf);
  expectScanFindsPlanted(needles.find((needle) => needle.label.endsWith("(raw bytes)"))!);
  const scan = scanFolder(buildOutputDir, needles, statSync(e2eSandboxFile).mtimeMs);
  // Turbopack's build cache is LZ4-compressed, so no byte search sees into it; only `next build` writes it, before any session exists.
  const compressed = existsSync(turbopackCache) ? scanFolder(turbopackCache, []).bytes : 0;
  console.log(
    `build output scan: ${canaries.length} session keys as ${needles.length} byte strings over ${scan.files} files, ${scan.bytes} bytes ` +
      `under ${path.relative(process.cwd(), buildOutputDir)} (${compressed} of them in the compressed Turbopack build cache; ` +
      `${scan.writtenSince} files written while the server ran): ${scan.hits.length} hits`,
  );
  expect(scan.files).toBeGreaterThan(100);
  expect(scan.hits).toEqual([]);
});
