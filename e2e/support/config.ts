import path from "node:path";

export const e2ePort = Number(process.env.E2E_PORT ?? 3900);
/** Per port too: server.ts empties it at start, so two runs on one machine must not share it. */
export const e2eDataDir = path.resolve(".data", `e2e-${e2ePort}`);
/** The console's log, where a person would read the one-time setup token. */
export const e2eServerLog = path.join(e2eDataDir, "server.log");
export const e2eDatabaseName = `tsc_e2e_${e2ePort}`;
/** The sandbox DC's ready line, so specs can reach its control API as a phone owner would act. */
export const e2eSandboxFile = path.join(e2eDataDir, "sandbox.json");
