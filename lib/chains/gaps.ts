import { pipelineStages } from "../projects/stages";
// Gap analysis rules (SPEC §4), pure. A link is MISSING when it has neither a local
// enterprise nor an open project, WEAK when the two together are fewer than its target,
// COVERED otherwise. A chain's completeness is the average of its links' coverage
// (local enterprises + open projects, against the target, at most 1), in percent.

export const linkStatuses = ["MISSING", "WEAK", "COVERED"] as const;
export type LinkStatus = (typeof linkStatuses)[number];

/** Projects that are open for a link: every pipeline stage (not suspended, not terminated). */
export const openProjectStages = pipelineStages;

/**
 * Which open projects count toward a link's coverage: every stage from 洽谈 to 投产; a 线索
 * only once it is real — it has an investment or at least one activity (a target turned into
 * a lead with one click is not yet coverage). Suspended and terminated projects never count.
 */
export function countsForCoverage(p: { stage: string; totalInvestment: string; activities: number }): boolean {
  if (!(openProjectStages as readonly string[]).includes(p.stage)) return false;
  if (p.stage !== "LEAD") return true;
  return p.activities > 0 || /[1-9]/.test(p.totalInvestment);
}

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
