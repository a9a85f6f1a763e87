import { test as base, expect } from "@playwright/test";
import { recordResponses } from "./response-log";
import { SecretsWatch } from "./secrets-watch";

/**
 * Every spec's `test`: the browser context's JSON responses are searched for the secrets the test
 * registers (`secrets.add`), and the test fails when one shows up outside its one-time reveal. Every
 * response is also kept for the leak scan at the end of the run.
 */
export const test = base.extend<{ secrets: SecretsWatch }>({
  secrets: [
    async ({ context }, use) => {
      const watch = new SecretsWatch();
      watch.watch(context);
      recordResponses(context);
      await use(watch);
      expect(await watch.leaks(), "secrets outside their one-time reveal").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
