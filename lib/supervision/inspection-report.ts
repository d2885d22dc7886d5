import "server-only";
import { getDb } from "../db";
import type { Actor } from "../auth/permissions";
import { isoDate, shanghaiToday } from "../dates";
import type { Locale } from "../i18n/config";
import { parseInput } from "../validation";
import { problemOverdue } from "../problems/problem-machine";
import { noticeNumber } from "./notice-machine";
import { noticeOverdue } from "./notice-overdue";
import { listProgress } from "./progress-queries";
import { planSelect, planView } from "./plan-view";
import { reviewQuarters } from "./quarter-review";
import { readableProject } from "./readable-project";
import { planYearSchema } from "./schemas";
import { listWarningChanges } from "./warning-history";

/**
 * 督查项目专报 (SPEC §5): one project's year on one A4 report — the letter's goal and the plan
 * against the actual by quarter, the colour now and its history with reasons, the progress
 * entries, the 要素保障 problems with their levels, and the notices. For those who read the
 * bureau's work on the project (else 404). GET /api/v1/projects/{id}/inspection-report?year=.
 */
export async function inspectionReport({
  actor,
  projectId,
  year,
  locale,
  today = shanghaiToday(),
}: {
  actor: Actor;
  projectId: string;
  year?: unknown;
  locale: Locale;
  today?: string;
}) {
  const q = parseInput(planYearSchema, { year: year ?? Number(today.slice(0, 4)) });
  const db = getDb();
  const project = await readableProject(actor, projectId);

  const from = new Date(Date.UTC(q.year, 0, 1));
  const to = new Date(Date.UTC(q.year + 1, 0, 1));
  const [planRow, progress, colours, stageRows, problems, notices] = await Promise.all([
    db.projectPlan.findUnique({ where: { projectId_year: { projectId, year: q.year } }, select: planSelect }),
    listProgress({ actor, projectId, query: { year: q.year } }),
    listWarningChanges({ actor, projectId, locale, today }),
    db.stageChange.findMany({
      where: { projectId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { toStage: true, createdAt: true },
    }),
    db.problem.findMany({
      where: { projectId, OR: [{ createdAt: { gte: from, lt: to } }, { state: { in: ["OPEN", "IN_PROGRESS"] } }] },
      orderBy: [{ level: "desc" }, { createdAt: "asc" }],
      take: 200,
      select: {
        id: true,
        title: true,
        category: true,
        level: true,
        state: true,
        dueDate: true,
        resolution: true,
        closeReason: true,
        resolvedAt: true,
        department: { select: { name: true } },
      },
    }),
    db.supervisionNotice.findMany({
      where: { projectId, OR: [{ issuedAt: { gte: from, lt: to } }, { state: { not: "CLOSED" } }] },
      orderBy: [{ year: "asc" }, { seq: "asc" }],
      take: 200,
      select: {
        id: true,
        year: true,
        seq: true,
        subject: true,
        state: true,
        issuedAt: true,
        replyDue: true,
        resolveDue: true,
        closedAt: true,
      },
    }),
  ]);
  const plan = planRow ? await planView(db, planRow) : null;
  const quarters = plan
    ? reviewQuarters({
        today,
        year: q.year,
        milestones: plan.milestones,
        progress,
        stages: stageRows.map((s) => ({ day: shanghaiToday(s.createdAt), stage: s.toStage })),
        stage: project.stage,
      })
    : [];
  const inYear = (iso: string) => shanghaiToday(new Date(iso)).startsWith(`${q.year}-`);
  return {
    year: q.year,
    today,
    project: {
      id: project.id,
      code: project.code,
      name: project.name,
      enterpriseName: project.enterpriseName,
      stage: project.stage,
      totalInvestment: project.totalInvestment.toFixed(2),
      plannedStartDate: isoDate(project.plannedStartDate),
      industryName: project.industry.name,
      parkName: project.park?.name ?? null,
      ownerName: project.owner.displayName,
      leaderName: project.leader?.displayName ?? null,
    },
    plan,
    quarters,
    warning: colours.current,
    colourHistory: colours.items.filter((c) => inYear(c.at)),
    progress,
    problems: problems.map((p) => ({
      id: p.id,
      title: p.title,
      category: p.category,
      level: p.level,
      state: p.state,
      dueDate: isoDate(p.dueDate)!,
      departmentName: p.department.name,
      resolution: p.resolution ?? p.closeReason,
      resolvedAt: p.resolvedAt?.toISOString() ?? null,
      overdue: problemOverdue({ state: p.state, dueDate: isoDate(p.dueDate)! }, today),
    })),
    notices: notices.map((n) => {
      const clock = { state: n.state, replyDue: isoDate(n.replyDue)!, resolveDue: isoDate(n.resolveDue)! };
      return {
        id: n.id,
        number: noticeNumber(n.year, n.seq),
        subject: n.subject,
        state: n.state,
        issuedAt: n.issuedAt.toISOString(),
        replyDue: clock.replyDue,
        resolveDue: clock.resolveDue,
        closedAt: n.closedAt?.toISOString() ?? null,
        overdue: noticeOverdue(clock, today).overdue,
      };
    }),
  };
}
export type InspectionReport = Awaited<ReturnType<typeof inspectionReport>>;
