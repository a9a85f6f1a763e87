import { removeDir, startTestSandbox as startSandboxInTempDir, type TestSandbox } from "@/sandbox/test/helpers";

/** A real sandbox DC in a temporary folder, with a cleanup that closes it and removes the folder. */
export async function startTestSandbox(): Promise<TestSandbox & { cleanup(): Promise<void> }> {
  const sandbox = await startSandboxInTempDir();
  return Object.assign(sandbox, {
    async cleanup() {
      await sandbox.close();
      removeDir(sandbox.dataDir);
    },
  });
}
