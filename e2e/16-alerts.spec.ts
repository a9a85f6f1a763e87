import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { ensureFirstAdmin } from "./support/admin-cli";
import { signInThroughPage } from "./support/auth";
import { confirmDialog, mainNav } from "./support/console";
import { revealedBy } from "./support/secrets-watch";
import { expect, test } from "./support/test";

type Received = { headers: IncomingHttpHeaders; body: string };

/** An alert receiver on loopback (the e2e console runs with ALERT_ALLOW_PRIVATE_URLS=on) answering `status`. */
async function startReceiver() {
  const state = { status: 200, received: [] as Received[] };
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      state.received.push({ headers: request.headers, body });
      response.writeHead(state.status).end();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return { state, url: `http://127.0.0.1:${port}/hooks/on-call`, close: () => server.close() };
}

test("an admin adds a signed webhook on the Alerts page, tests it, redelivers a refused test, pauses and deletes it", async ({
  page,
  secrets,
}) => {
  const receiver = await startReceiver();
  try {
    await signInThroughPage(page, await ensureFirstAdmin());
    await mainNav(page).getByRole("link", { name: "Alerts" }).click();
    await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "No alert channels" })).toBeVisible();

    await page.getByLabel("Kind").selectOption("webhook");
    await page.getByLabel("Name", { exact: true }).fill("e2e on-call");
    await page.getByLabel("URL").fill(receiver.url);
    await expect(page.getByRole("checkbox", { name: "Session invalid (Telegram refused its key)" })).toBeChecked();
    await page.getByRole("button", { name: "Add channel" }).click();
    const notice = page.getByRole("status").filter({ hasText: "Channel “e2e on-call” added" });
    await expect(notice).toBeVisible();
    const secret = (await notice.locator("code").filter({ hasText: "whsec_" }).textContent())?.trim() ?? "";
    expect(secret).toMatch(/^whsec_/);
    secrets.add("webhook signing secret", secret, { revealedBy: revealedBy("POST", /^\/api\/v1\/alerts\/channels$/) });
    await notice.getByRole("button", { name: "Done" }).click();
    await expect(notice).toBeHidden();

    const row = page.getByRole("table", { name: "Alert channels" }).getByRole("row", { name: /e2e on-call/ });
    await expect(row).toContainText("http://127.0.0.1:");
    await expect(row).not.toContainText("on-call/hooks");
    await expect(row).toContainText("Active");

    // A test event arrives signed with the secret shown once.
    await row.getByRole("button", { name: "Send a test event: e2e on-call" }).click();
    await expect(page.getByText("Test event queued for “e2e on-call”")).toBeVisible();
    await expect.poll(() => receiver.state.received.length, { timeout: 20_000 }).toBe(1);
    const [first] = receiver.state.received;
    const event = new Webhook(secret).verify(first!.body, first!.headers as Record<string, string>) as { type: string };
    expect(event.type).toBe("alert.test");
    const log = page.getByRole("table", { name: "Alert deliveries, newest first" });
    await expect(log.getByRole("row").nth(1)).toContainText("Delivered", { timeout: 15_000 });
    await expect(log.getByRole("row").nth(1)).toContainText("HTTP 200");

    // A receiver that answers 410 stops the retries; once it is back, Redeliver sends the same webhook-id.
    receiver.state.status = 410;
    await row.getByRole("button", { name: "Send a test event: e2e on-call" }).click();
    await expect(log.getByRole("row").nth(1)).toContainText("Failed", { timeout: 20_000 });
    await expect(log.getByRole("row").nth(1)).toContainText("HTTP 410");
    const refusedId = receiver.state.received[1]?.headers["webhook-id"];
    receiver.state.status = 200;
    await log
      .getByRole("row")
      .nth(1)
      .getByRole("button", { name: /^Redeliver/ })
      .click();
    await expect(log.getByRole("row").nth(1)).toContainText("Delivered", { timeout: 20_000 });
    expect(receiver.state.received).toHaveLength(3);
    expect(receiver.state.received[2]?.headers["webhook-id"]).toBe(refusedId);

    await row.getByRole("button", { name: "Pause: e2e on-call" }).click();
    await expect(row).toContainText("Paused");
    await row.getByRole("button", { name: "Resume: e2e on-call" }).click();
    await expect(row).toContainText("Active");

    await row.getByRole("button", { name: "Delete: e2e on-call" }).click();
    await confirmDialog(page, "Delete “e2e on-call”?", "Delete channel");
    await expect(page.getByRole("heading", { name: "No alert channels" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Nothing delivered yet" })).toBeVisible();
  } finally {
    receiver.close();
  }
});
