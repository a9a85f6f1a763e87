import { serializeMtkrutoSession, serializePyrogramSession, serializeTelethonSession } from "@mtcute/convert";
import { mintedSessionString } from "@/sandbox/minted-session";
import { tdataZip } from "@/tests/support/tdata-zip";
import { ensureFirstAdmin } from "./support/admin-cli";
import { signInThroughPage } from "./support/auth";
import { mainNav } from "./support/console";
import { recordImportedForms } from "./support/leak-canaries";
import {
  addSandboxFault,
  authorizationsOf,
  clearSandboxFaults,
  mintAuthorization,
  type MintedKey,
} from "./support/sandbox";
import { expect, test } from "./support/test";

// Fresh numbers for this spec (99966XYYYY: DC X).
const phones = { gramjs: "9996628101", mtkruto: "9996628102", pyrogram: "9996628103", desk1: "9996628104" };
const phones2 = { desk2: "9996628105", telethon: "9996628106", flaky: "9996628107" };
const consoleDevice = "Telegram Session Console";
const key = (m: MintedKey) => Buffer.from(m.authKey, "hex");

/** Registers every form a key is uploaded in: the page must never show one, and the final leak scan seeks them. */
function watch(secrets: { add(label: string, value: string): void }, label: string, forms: string[]): void {
  for (const form of forms) secrets.add(label, form);
  recordImportedForms(label, forms);
}

async function expectTakenOver(phone: string, minted: MintedKey): Promise<void> {
  await expect
    .poll(async () => (await authorizationsOf(phone)).filter((a) => a.state === "active").map((a) => a.device.model))
    .toEqual([consoleDevice]);
  expect((await authorizationsOf(phone)).find((a) => a.id === minted.id)?.state).not.toBe("active");
}

test.beforeEach(async ({ page }) => {
  await signInThroughPage(page, await ensureFirstAdmin());
});

test("an admin pastes strings, previews what was detected, imports them and opens a new session", async ({
  page,
  secrets,
}) => {
  const gramjs = await mintAuthorization(phones.gramjs);
  const mtkruto = await mintAuthorization(phones.mtkruto);
  const pyrogram = await mintAuthorization(phones.pyrogram);
  const strings = [
    mintedSessionString(gramjs),
    serializeMtkrutoSession({ dcId: mtkruto.dcId, isTest: false, authKey: key(mtkruto) }),
    serializePyrogramSession({
      dcId: pyrogram.dcId,
      isTest: false,
      authKey: key(pyrogram),
      userId: Number(pyrogram.userId),
      isBot: false,
    }),
  ];
  strings.forEach((text, i) => watch(secrets, `imported string ${i + 1}`, [text, gramjs.authKey]));

  await page.goto("/sessions");
  await mainNav(page).getByRole("link", { name: "Import sessions" }).click();
  await expect(page.getByRole("heading", { name: "Import sessions" })).toBeVisible();
  const preview = page.getByRole("button", { name: "Preview" });
  await expect(preview).toBeDisabled();
  await page.getByLabel("Session strings, one per line").fill([...strings, "not a session at all"].join("\n"));
  await preview.click();

  const previewTable = page.getByRole("table", { name: "What each item was read as" });
  await expect(page.getByRole("heading", { name: "Preview: 3 of 4 readable" })).toBeVisible();
  await expect(page.getByText("Nothing has connected to Telegram yet.")).toBeVisible();
  await expect(previewTable.getByRole("row")).toHaveCount(5);
  await expect(previewTable.getByRole("row").nth(1)).toContainText("GramJS string");
  await expect(previewTable.getByRole("row").nth(2)).toContainText("mtkruto string");
  const userId = pyrogram.userId;
  await expect(previewTable.getByRole("row").nth(3)).toContainText(`${userId.slice(0, 2)}`);
  await expect(previewTable.getByRole("row").nth(3)).not.toContainText(userId);
  await expect(previewTable.getByRole("row").nth(4)).toContainText("Not a session string of any supported format.");
  // Nothing connected: the accounts still have only the authorization they came with.
  expect((await authorizationsOf(phones.gramjs)).map((a) => a.id)).toEqual([gramjs.id]);

  await page.getByRole("button", { name: "Import 3 sessions" }).click();
  await expect(page.getByRole("heading", { name: "Results: 3 of 4 imported" })).toBeVisible({ timeout: 30_000 });
  const results = page.getByRole("table", { name: "The outcome of each imported item" });
  await expect(results.getByText("Taken over (new key)")).toHaveCount(3);
  await expect(results.getByRole("row").nth(4)).toContainText("Not readable");
  for (const [phone, minted] of [
    [phones.gramjs, gramjs],
    [phones.mtkruto, mtkruto],
    [phones.pyrogram, pyrogram],
  ] as const)
    await expectTakenOver(phone, minted);

  await page.getByRole("link", { name: "Open session 1" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
});

test("an admin drops a tdata zip and a .txt file: a job runs with a progress bar, and an unreachable item is retried", async ({
  page,
  secrets,
}) => {
  const desk1 = await mintAuthorization(phones.desk1);
  const desk2 = await mintAuthorization(phones2.desk2);
  const telethon = await mintAuthorization(phones2.telethon);
  const flaky = await mintAuthorization(phones2.flaky);
  const zip = await tdataZip([desk1, desk2].map((m) => ({ dcId: m.dcId, authKey: key(m), userId: m.userId })));
  const lines = [
    serializeTelethonSession({
      dcId: telethon.dcId,
      ipAddress: "10.1.2.3",
      ipv6: false,
      port: 443,
      authKey: key(telethon),
    }),
    mintedSessionString(flaky),
  ];
  lines.forEach((text, i) => watch(secrets, `imported line ${i + 1}`, [text]));
  watch(secrets, "tdata zip", [zip.toString("base64").slice(0, 200)]);
  await addSandboxFault({
    method: "users.GetUsers",
    error: "RPC_CALL_FAIL",
    code: 500,
    times: 0,
    phone: phones2.flaky,
  });

  try {
    await page.goto("/accounts/import");
    await page.getByLabel(/^Files:/).setInputFiles([
      { name: "Telegram Desktop.zip", mimeType: "application/zip", buffer: zip },
      { name: "bots.txt", mimeType: "text/plain", buffer: Buffer.from(lines.join("\n")) },
    ]);
    await expect(page.getByRole("list", { name: "Chosen files" }).getByRole("listitem")).toHaveCount(2);
    await page.getByLabel("Labels (comma-separated, optional)").fill("desk");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("heading", { name: "Preview: 4 of 4 readable" })).toBeVisible();
    const previewTable = page.getByRole("table", { name: "What each item was read as" });
    await expect(previewTable.getByText("Telegram Desktop tdata")).toHaveCount(2);
    await page.getByRole("button", { name: "Import 4 sessions" }).click();
    await expect(page.getByRole("progressbar", { name: "Import progress" })).toBeVisible();

    await expect(page.getByRole("heading", { name: "Results: 3 of 4 imported" })).toBeVisible({ timeout: 45_000 });
    const results = page.getByRole("table", { name: "The outcome of each imported item" });
    const flakyRow = results.getByRole("row").filter({ hasText: "bots.txt:2" });
    await expect(flakyRow).toContainText("Telegram unreachable");
    for (const [phone, minted] of [
      [phones.desk1, desk1],
      [phones2.desk2, desk2],
      [phones2.telethon, telethon],
    ] as const)
      await expectTakenOver(phone, minted);

    await clearSandboxFaults();
    await flakyRow.getByRole("button", { name: "Retry item 4" }).click();
    await expect(page.getByRole("heading", { name: "Results: 4 of 4 imported" })).toBeVisible({ timeout: 30_000 });
    await expectTakenOver(phones2.flaky, flaky);
  } finally {
    await clearSandboxFaults();
  }
});
