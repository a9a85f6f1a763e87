export { startSandbox, type Sandbox, type SandboxInfo, type SandboxOptions } from "./sandbox.js";
export { sandboxClientOptions, sandboxSession, sandboxSocketClass, registerSandboxKey, fetchSandboxInfo } from "./client.js";
