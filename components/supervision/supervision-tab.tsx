import type { Actor } from "@/lib/auth/permissions";
import { ProblemSection } from "@/components/problems/problem-section";
import { NoticeSection } from "./notice-section";
import { PlanSection } from "./plan-section";
import { WarningSection } from "./warning-section";

/**
 * The project's 督办 tab: its colour with the reasons and the quarter's colour history, the
 * year's plan (责任书) and 日调度 progress, its 要素保障 problems and its supervision notices. Each section reads
 * its own data (server components), so each can be read and changed on its own. `year`:
 * the plan year asked for (`?year=`).
 */
export async function SupervisionTab({ actor, projectId, year }: { actor: Actor; projectId: string; year?: string }) {
  return (
    <div className="space-y-6" data-testid="supervision-tab">
      <WarningSection actor={actor} projectId={projectId} />
      <PlanSection actor={actor} projectId={projectId} year={year} />
      <ProblemSection actor={actor} projectId={projectId} />
      <NoticeSection actor={actor} projectId={projectId} />
    </div>
  );
}
