// How problems and summaries read in a terminal.
import type { Problem } from "../core/model.ts";

export function formatProblem(p: Problem): string {
  return `${p.source}${p.line ? `:${p.line}` : ""}: ${p.severity}: ${p.message}`;
}

export function countBySeverity(problems: Problem[]): Record<Problem["severity"], number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity]++;
  return counts;
}

export function problemSummary(problems: Problem[]): string {
  const c = countBySeverity(problems);
  const parts = [`${c.error} error${c.error === 1 ? "" : "s"}`, `${c.warning} warning${c.warning === 1 ? "" : "s"}`];
  if (c.info) parts.push(`${c.info} note${c.info === 1 ? "" : "s"}`);
  return parts.join(", ");
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
