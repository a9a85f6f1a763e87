import os from "node:os";
import type { Figure } from "./figure";

export type Machine = {
  date: string;
  nproc: number;
  memoryGiB: number;
  node: string;
  loadAverageAtStart: number[];
  cpu: string;
};

export function describeMachine(): Machine {
  return {
    date: new Date().toISOString(),
    nproc: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
    cpu: os.cpus()[0]?.model ?? "unknown",
  };
}

const verdict = (pass: boolean | null) => (pass === null ? "—" : pass ? "pass" : "**short**");
const cell = (text: string) => text.replace(/\|/g, "\\|");

export function markdownTable(figures: Figure[]): string {
  const rows = figures.map(
    (f) =>
      `| ${f.part} | ${cell(f.name)} | ${cell(f.target)} | ${cell(f.measured)} | ${verdict(f.pass)} | ${cell(f.note ?? "")} |`,
  );
  return ["| Part | Figure | Target | Measured | Pass/short | Notes |", "|---|---|---|---|---|---|", ...rows].join(
    "\n",
  );
}

export function machineLine(machine: Machine): string {
  return `${machine.date} · ${machine.nproc} CPUs (${machine.cpu}) · ${machine.memoryGiB} GiB · Node ${machine.node} · load average at start ${machine.loadAverageAtStart.join(", ")}`;
}
