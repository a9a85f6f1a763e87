import { parseArgs } from "node:util";
import { seedDemoAccounts } from "./demo";
import { startSandbox } from "./sandbox";

const USAGE = `Usage: npm run sandbox -- [options]
  --json                 print one JSON line (the same object as GET /info) first on stdout
  --data-dir DIR         state and RSA key folder (env SANDBOX_DATA_DIR, default .data/sandbox)
  --host HOST            listening address (env SANDBOX_HOST, default 127.0.0.1)
  --dc-ports 1=P,2=P,3=P fixed DC ports below 32768 (env SANDBOX_DC_PORTS, default random free ports)
  --control-port P       fixed control API port (env SANDBOX_CONTROL_PORT, default random)
  --log-entries N        requests the log keeps (env SANDBOX_LOG_ENTRIES, default 2000)
  --no-seed              do not create the demo accounts`;

function port(value: string | undefined, what: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 32767) throw new Error(`${what} must be a port between 1 and 32767`);
  return n;
}

function logEntries(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error("--log-entries must be a positive whole number");
  return n;
}

function dcPorts(spec: string | undefined): { dcIds?: number[]; ports: Record<number, number> } {
  if (!spec) return { ports: {} };
  const pairs = spec.split(",").map((pair) => pair.split("=").map((s) => s.trim()));
  const ports: Record<number, number> = {};
  for (const [id, value] of pairs) ports[Number(id)] = port(value, `DC ${id}`)!;
  return { dcIds: Object.keys(ports).map(Number), ports };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: "boolean", default: false },
      "data-dir": { type: "string" },
      host: { type: "string" },
      "dc-ports": { type: "string" },
      "control-port": { type: "string" },
      "log-entries": { type: "string" },
      "no-seed": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const dcs = dcPorts(values["dc-ports"] ?? process.env.SANDBOX_DC_PORTS);
  const sandbox = await startSandbox({
    dataDir: values["data-dir"] ?? process.env.SANDBOX_DATA_DIR ?? ".data/sandbox",
    host: values.host ?? process.env.SANDBOX_HOST,
    dcIds: dcs.dcIds,
    logEntries: logEntries(values["log-entries"] ?? process.env.SANDBOX_LOG_ENTRIES),
    ports: {
      dcs: dcs.ports,
      control: port(values["control-port"] ?? process.env.SANDBOX_CONTROL_PORT, "control port"),
    },
  });
  const demo = values["no-seed"] ? [] : seedDemoAccounts(sandbox);
  const { dcs: endpoints, control, rsaPublicKeyPem, fingerprint } = sandbox.info;
  if (values.json)
    process.stdout.write(`${JSON.stringify({ dcs: endpoints, control, rsaPublicKeyPem, fingerprint })}\n`);
  const say = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`);
  say(`sandbox DC ready: ${endpoints.map((dc) => `DC${dc.id} ${dc.host}:${dc.port}`).join(", ")}; control ${control}`);
  for (const account of demo) {
    say(
      `  demo ${account.phone} (${account.name}) code ${account.code}${account.password ? `, 2FA password ${account.password}` : ""}`,
    );
  }
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: Error) => {
  console.error(`sandbox: ${error.message}`);
  process.exit(1);
});
