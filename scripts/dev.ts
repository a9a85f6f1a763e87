import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

// `npm run dev`: the sandbox DC and the console together. With TELEGRAM_API_ID set the console talks to
// Telegram itself and no sandbox is started; with TELEGRAM_SANDBOX_URL set, that sandbox is used.
const children: ChildProcess[] = [];

function stopAll(code: number): never {
  for (const child of children) child.kill("SIGTERM");
  process.exit(code);
}

async function startSandbox(): Promise<string> {
  const sandbox = spawn("npx", ["tsx", "sandbox/cli.ts", "--json"], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(sandbox);
  sandbox.on("exit", (code) => {
    console.error(`The sandbox DC stopped (exit ${code}); stopping the console.`);
    stopAll(1);
  });
  const lines = createInterface({ input: sandbox.stdout });
  for await (const line of lines) {
    const ready = JSON.parse(line) as { control: string };
    lines.on("line", (rest) => console.log(`[sandbox] ${rest}`));
    return ready.control;
  }
  throw new Error("The sandbox DC exited before it was ready.");
}

const env: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: "1", ...process.env };
if (!env.TELEGRAM_API_ID && !env.TELEGRAM_SANDBOX_URL) {
  env.TELEGRAM_SANDBOX_URL = await startSandbox();
  console.log(`Sandbox DC ready; control API at ${env.TELEGRAM_SANDBOX_URL}`);
}

const consoleServer = spawn("npx", ["next", "dev", ...process.argv.slice(2)], { stdio: "inherit", env });
children.push(consoleServer);
consoleServer.on("exit", (code) => stopAll(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stopAll(0));
