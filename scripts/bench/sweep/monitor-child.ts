/**
 * scripts/bench/sweep/sweep-child.ts (one monitor process, one full sweep), plus the CPU time the process spent
 * after its modules loaded, printed as a last JSON line when it exits. BENCH_CPU_PROFILE=<file> also writes a CPU profile.
 */
import "@/db";
import "@/lib/health/monitor";
import { profileUntilIdle } from "./cpu-profile";

await profileUntilIdle();
const before = process.cpuUsage();
process.once("exit", () => {
  const used = process.cpuUsage(before);
  console.log(JSON.stringify({ cpuSeconds: (used.user + used.system) / 1e6 }));
});
await import("@/scripts/bench/sweep/sweep-child");
