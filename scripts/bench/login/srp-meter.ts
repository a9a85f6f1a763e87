import { password as srp } from "telegram";

/**
 * Wraps GramJS's SRP computation (the module object lib/telegram/login/password.ts calls through) so the
 * password step's SRP time can be reported on its own and taken out of the step's figure.
 */
export function meterSrp(): { takeCpuMs(): number; restore(): void } {
  const target = srp as unknown as { computeCheck: typeof srp.computeCheck };
  const original = target.computeCheck;
  let cpuMs = 0;
  target.computeCheck = async (...args: Parameters<typeof original>) => {
    const before = process.cpuUsage();
    try {
      return await original(...args);
    } finally {
      const used = process.cpuUsage(before);
      cpuMs += (used.user + used.system) / 1000;
    }
  };
  return {
    takeCpuMs: () => {
      const taken = cpuMs;
      cpuMs = 0;
      return taken;
    },
    restore: () => (target.computeCheck = original),
  };
}
