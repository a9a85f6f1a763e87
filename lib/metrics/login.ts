import { Counter } from "prom-client";
import { metric } from "./registry";

const loginAttempts = () =>
  metric(
    "tsc_login_attempts_total",
    (registry) =>
      new Counter({
        name: "tsc_login_attempts_total",
        help: "Login steps by outcome",
        labelNames: ["outcome"],
        registers: [registry],
      }),
  );

/**
 * Counts one login step. A step that moved the login on is counted by the step it reached (code, password,
 * qr, done); a failed one by its class: refused, flood, transient — or rejected when the console said no first.
 */
export function countLoginAttempt(reached: string): void {
  loginAttempts().inc({ outcome: reached });
}
