/**
 * Next compiles the instrumentation hook and each route into separate bundles, each with its own copy of
 * our modules, while process-wide singletons (the connection manager, the monitor) are shared between them.
 * An error class registered here answers `instanceof` for instances made by any copy of itself, through a
 * brand in the global symbol registry; without it a route would not recognise the manager's errors.
 */
export function shareAcrossBundles(name: string, errorClass: abstract new (...args: never[]) => Error): void {
  const brand = Symbol.for(`telegram-session-console:${name}`);
  Object.defineProperty(errorClass.prototype, brand, { value: true });
  Object.defineProperty(errorClass, Symbol.hasInstance, {
    value(this: unknown, value: unknown): boolean {
      // A subclass inherits this method; unless it is registered itself, it gets the ordinary check.
      if (this !== errorClass) return Function.prototype[Symbol.hasInstance].call(this, value);
      return typeof value === "object" && value !== null && brand in value;
    },
  });
}
