import "server-only";
import { getDb } from "../db";
import { describe } from "../audit/queries";
import { can, canOnProject, rolesWith, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { defaultLocale, type Locale } from "../i18n/config";
import { parseInput } from "../validation";
import { checkPlanAction, planStateOf, saveActionFor } from "./plan-machine";
import { planSelect, planView } from "./plan-view";
import { readableProject } from "./readable-project";
import { planYearSchema } from "./schemas";

/** A project's plan for a year (GET): 404 when there is none, or the project is not the reader's to see. */
export async function getPlan({ actor, projectId, year }: { actor: Actor; projectId: string; year: unknown }) {
  const q = parseInput(planYearSchema, { year });
  await readableProject(actor, projectId);
  const row = await getDb().projectPlan.findUnique({
    where: { projectId_year: { projectId, year: q.year } },
    select: planSelect,
  });
  if (!row) throw new AppError("NOT_FOUND");
  return planView(getDb(), row);
}

/**
 * What the 督办 tab and the letter show of a year's plan: the project, the plan (or null:
 * 未纳入调度), the years that have plans, the leaders one may name, and what the reader may
 * do — each answer from the plan machine and the permission table.
 */
export async function getPlanPage({ actor, projectId, year }: { actor: Actor; projectId: string; year: unknown }) {
  const q = parseInput(planYearSchema, { year });
  const project = await readableProject(actor, projectId);
  const db = getDb();
  const [row, years, leaders] = await Promise.all([
    db.projectPlan.findUnique({ where: { projectId_year: { projectId, year: q.year } }, select: planSelect }),
    db.projectPlan.findMany({ where: { projectId }, select: { year: true }, orderBy: { year: "asc" } }),
    db.user.findMany({
      where: { active: true, role: { in: rolesWith("project.lead") } },
      select: { id: true, displayName: true },
      orderBy: { displayName: "asc" },
    }),
  ]);
  const plan = row ? await planView(db, row) : null;
  const state = planStateOf(row);
  const facts = {
    state,
    drafter: canOnProject(actor, project, "plan"),
    planLeader: !!row && row.leaderId === actor.id && can(actor.role, "project.lead"),
    changeSigned: can(actor.role, "plan.changeSigned"),
    hasReason: true,
  };
  return {
    year: q.year,
    project: {
      id: project.id,
      code: project.code,
      name: project.name,
      enterpriseName: project.enterpriseName,
      stage: project.stage,
      totalInvestment: project.totalInvestment.toFixed(2),
      ownerName: project.owner.displayName,
      leaderId: project.leaderId,
      parkName: project.park?.name ?? null,
    },
    plan,
    years: years.map((y) => y.year),
    leaders,
    allowed: {
      save: checkPlanAction(saveActionFor(state), facts).ok,
      sign: checkPlanAction("SIGN", facts).ok,
      /** Saving means changing the signed letter (with a reason). */
      change: saveActionFor(state) === "CHANGE",
      progress: !!plan && canOnProject(actor, project, "progress"),
    },
  };
}
export type PlanPage = Awaited<ReturnType<typeof getPlanPage>>;

/** The plan's history in words (drafts, signatures, changes with their reasons), newest first. */
export async function planHistory({
  actor,
  planId,
  locale = defaultLocale,
}: {
  actor: Actor;
  planId: string;
  locale?: Locale;
}) {
  const plan = await getDb().projectPlan.findUnique({ where: { id: planId }, select: { projectId: true } });
  if (!plan) throw new AppError("NOT_FOUND");
  await readableProject(actor, plan.projectId);
  const rows = await getDb().auditLog.findMany({
    where: { entityType: "ProjectPlan", entityId: planId },
    orderBy: { id: "desc" },
    take: 200,
  });
  return describe(rows, locale);
}

/** Where a plan is read (its project's 督办 tab for its year), for links from the audit log. */
export async function planLocation({ actor, planId }: { actor: Actor; planId: string }) {
  const plan = await getDb().projectPlan.findUnique({ where: { id: planId }, select: { projectId: true, year: true } });
  if (!plan) throw new AppError("NOT_FOUND");
  await readableProject(actor, plan.projectId);
  return `/projects/${plan.projectId}/plans/${plan.year}/print`;
}
