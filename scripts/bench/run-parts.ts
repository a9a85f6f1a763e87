/**
 * Runs the named parts (comma list) in this process and prints {"figures":[...],"errors":[...]} as its last
 * line. index.ts starts one of these per part (api and page share one, for their seeded database and server),
 * so one part's cached configuration (a sandbox's address, say) never leaks into the next.
 */
import "./quiet";
import { closeStage } from "./api/stage";
import type { Figure } from "./figure";
import { alertsBench } from "./parts/alerts";
import { apiBench } from "./parts/api";
import { leasesBench } from "./parts/leases";
import { invokeBench } from "./parts/invoke";
import { loginBench } from "./parts/login";
import { pageBench } from "./parts/page";
import { rotationBench } from "./parts/rotation";
import { sweepBench } from "./parts/sweep";
import { vaultBench } from "./parts/vault";

const parts: Record<string, () => Promise<Figure[]>> = {
  api: apiBench,
  page: pageBench,
  sweep: sweepBench,
  login: loginBench,
  vault: vaultBench,
  rotation: rotationBench,
  leases: leasesBench,
  alerts: alertsBench,
  invoke: invokeBench,
};

const figures: Figure[] = [];
const errors: string[] = [];
for (const name of (process.argv[2] ?? "").split(",")) {
  const started = performance.now();
  console.error(`bench: ${name}…`);
  try {
    figures.push(...(await parts[name]!()));
  } catch (error) {
    errors.push(`${name}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    console.error(error);
  }
  console.error(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
await closeStage();
console.log(`\n${JSON.stringify({ figures, errors })}`);
process.exit(0);
