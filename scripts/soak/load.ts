/**
 * Load soak (issue 8): SOAK_SECONDS (300) of 50 API clients, a steady stream of HTTP logins and the in-process
 * health monitor over 1,000 sessions, against `next start` on Postgres with a sandbox DC in its own process.
 * Passes with 0 errors, no session turned invalid, RSS growth < 10 % after the warm-up and no event-loop
 * stall ≥ 200 ms. Prints a Markdown table, writes bench-results/soak-load.json, exits 1 on a failure.
 */
import "../bench/quiet";
import { mkdirSync, writeFileSync } from "node:fs";
import { describeMachine, machineLine, markdownTable } from "../bench/report";
import { KnownSessions, runApiClients } from "./api-clients";
import { soakConfig } from "./config";
import { runLogins } from "./logins";
import { sample, scrape, type Sample } from "./sampler";
import { watchOwnLoopDelay } from "./own-loop-delay";
import { sessionOutcome } from "./session-outcome";
import { startSoakStage } from "./stage";
import { Tally } from "./tally";
import { soakFigures } from "./verdict";

const resultsFile = "bench-results/soak-load.json";
const machine = describeMachine();
const stage = await startSoakStage(soakConfig);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => void stage.stop().then(() => process.exit(1)));

let exitCode = 1;
try {
  const { server, metricsToken } = stage;
  const api = new Tally();
  // The first scrape empties the event-loop histogram of start-up and seeding; every later one covers the load only.
  await scrape(server.url, metricsToken, api, performance.now());
  const since = performance.now();
  const loadStartedAt = new Date();
  const running = () => performance.now() - since < soakConfig.seconds * 1000;
  const samples: Sample[] = [];
  const runnerLoop = watchOwnLoopDelay();
  const progress = setInterval(() => {
    const last = samples.at(-1);
    console.error(
      `soak: ${Math.round((performance.now() - since) / 1000)} s, ${api.summary().requests} requests, ${api.errors} errors, RSS ${Math.round((last?.rssBytes ?? 0) / 2 ** 20)} MiB, stall ${Math.round(last?.lagMaxMs ?? 0)} ms`,
    );
  }, 30_000);
  const [, , logins] = await Promise.all([
    sample(server.url, metricsToken, soakConfig.sampleEveryMs, api, since, running, samples),
    runApiClients(
      server.url,
      stage.readToken,
      soakConfig.clients,
      soakConfig.thinkMs,
      new KnownSessions([...stage.seededIds]),
      api,
      running,
    ),
    runLogins(server.url, stage.adminToken, stage.sandbox, soakConfig.loginEveryMs, api, running),
  ]);
  clearInterval(progress);
  const outcome = await sessionOutcome(stage.database.db, stage.seededIds, loadStartedAt);
  const figures = soakFigures({
    config: soakConfig,
    samples,
    api,
    logins,
    outcome,
    sessionsSeeded: stage.seededIds.length,
    runnerLoop: { maxMs: runnerLoop.maxMs(), p99Ms: runnerLoop.p99Ms() },
  });
  console.log(`\n${machineLine(machine)}\n\n${markdownTable(figures)}\n`);
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(
    resultsFile,
    `${JSON.stringify({ machine, config: soakConfig, figures, requests: api.summary(), logins, outcome, samples }, null, 2)}\n`,
  );
  exitCode = figures.every((figure) => figure.pass !== false) ? 0 : 1;
  console.log(exitCode === 0 ? "soak: pass" : "soak: FAILED (see the table)");
} catch (error) {
  console.error("soak: the run itself failed:", error);
} finally {
  await stage.stop();
}
process.exit(exitCode);
