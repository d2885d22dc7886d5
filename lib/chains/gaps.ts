import { pipelineStages } from "../projects/stages";
// Gap analysis rules (SPEC §4), pure. A link is MISSING when it has neither a local
// enterprise nor an open project, WEAK when the two together are fewer than its target,
// COVERED otherwise. A chain's completeness is the average of its links' coverage
// (local enterprises + open projects, against the target, at most 1), in percent.

export const linkStatuses = ["MISSING", "WEAK", "COVERED"] as const;
export type LinkStatus = (typeof linkStatuses)[number];

/** Projects that still count for a link: every pipeline stage (not suspended, not terminated). */
export const openProjectStages = pipelineStages;

export function linkStatus(localEnterprises: number, openProjects: number, target: number): LinkStatus {
  const have = localEnterprises + openProjects;
  if (have === 0) return "MISSING";
  return have < Math.max(1, target) ? "WEAK" : "COVERED";
}

export function linkCoverage(localEnterprises: number, openProjects: number, target: number): number {
  return Math.min(1, (localEnterprises + openProjects) / Math.max(1, target));
}

export function completeness(links: { localEnterprises: number; openProjects: number; targetCount: number }[]): number {
  if (links.length === 0) return 0;
  const sum = links.reduce((a, l) => a + linkCoverage(l.localEnterprises, l.openProjects, l.targetCount), 0);
  return Math.round((sum / links.length) * 100);
}
