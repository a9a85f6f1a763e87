import { numberAfter, runTsx } from "../child";
import { fmt, type Figure } from "../figure";

/**
 * Taking and revoking a lease against the sandbox DC, median of 20 each (scripts/bench/leases/lease-repeatedly.ts):
 * once with a console session younger than a day (the lease logs itself out) and once with a seasoned one (the
 * console's session ends it by its hash).
 */
export async function leasesBench(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const mode of ["fresh", "seasoned"] as const) {
    const output = await runTsx(["scripts/bench/leases/lease-repeatedly.ts", "20", mode]);
    const [mints, revokes] = output.split("\n").filter((line) => /^(mints|revokes):/.test(line));
    const who = mode === "fresh" ? "console session < 24 h" : "console session ≥ 24 h";
    figures.push(
      {
        part: "leases",
        name: `Take a lease (${who}), median of 20`,
        target: "—",
        measured: `${fmt(numberAfter(mints ?? "", /median/))} ms`,
        pass: null,
        note: `p90 ${fmt(numberAfter(mints ?? "", /p90/))} ms; a fresh key's exchange, the login-token handoff, the hash learned from three device lists`,
      },
      {
        part: "leases",
        name: `Revoke a lease (${who}), median of 20`,
        target: "—",
        measured: `${fmt(numberAfter(revokes ?? "", /median/))} ms`,
        pass: null,
        note:
          mode === "fresh"
            ? `p90 ${fmt(numberAfter(revokes ?? "", /p90/))} ms; refused resetAuthorization, then auth.logOut with the lease's key`
            : `p90 ${fmt(numberAfter(revokes ?? "", /p90/))} ms; account.resetAuthorization from the console's session`,
      },
    );
  }
  return figures;
}
