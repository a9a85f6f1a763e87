/** The value of an unlabelled sample `name` in Prometheus text format; NaN when absent. */
export function sampleValue(text: string, name: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return Number(line?.slice(line.lastIndexOf(" ") + 1) ?? Number.NaN);
}
