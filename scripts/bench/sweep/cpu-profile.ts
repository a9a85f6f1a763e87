import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

/** With BENCH_CPU_PROFILE=<file>, profiles this process from now until its event loop drains, then writes <file>.<pid>.cpuprofile. */
export async function profileUntilIdle(file = process.env.BENCH_CPU_PROFILE): Promise<void> {
  if (!file) return;
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  process.once("beforeExit", () => {
    void session.post("Profiler.stop").then(({ profile }) => {
      writeFileSync(`${file}.${process.pid}.cpuprofile`, JSON.stringify(profile));
      session.disconnect();
    });
  });
}
