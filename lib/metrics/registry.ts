import { collectDefaultMetrics, Registry } from "prom-client";

const holder = globalThis as typeof globalThis & { __metricsRegistry?: Registry };

/** The process's metrics registry, with Node's process metrics (kept on globalThis for hot reloads). */
export function metricsRegistry(): Registry {
  if (!holder.__metricsRegistry) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: "tsc_" });
    holder.__metricsRegistry = registry;
  }
  return holder.__metricsRegistry;
}

/** A metric made once per registry: `make` runs only the first time `name` is asked for. */
export function metric<M>(name: string, make: (registry: Registry) => M): M {
  const registry = metricsRegistry();
  return (registry.getSingleMetric(name) as M | undefined) ?? make(registry);
}
