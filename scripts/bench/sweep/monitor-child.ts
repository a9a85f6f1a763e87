/**
 * lib/health/bench/sweep-child.ts (one monitor process, one full sweep), plus the CPU time the process spent
 * after its modules loaded, printed as a last JSON line when it exits.
 */
import "@/db";
import "@/lib/health/monitor";

const before = process.cpuUsage();
process.once("exit", () => {
  const used = process.cpuUsage(before);
  console.log(JSON.stringify({ cpuSeconds: (used.user + used.system) / 1e6 }));
});
await import("@/lib/health/bench/sweep-child");
