// No "server-only" marker: the demo seed (a plain Node script) raises problems through the
// app's own writer, which answers this view.
import type { Prisma, Tx } from "../db";
import { can, type Actor } from "../auth/permissions";
import { isoDate, shanghaiToday } from "../dates";
import { problemOverdue, type ProblemCategory, type ProblemState } from "./problem-machine";

/**
 * The problems an actor may see: every one for those who read all (leaders, managers,
 * admins); for the others, the problems of the projects they own or lead and those their
 * department answers for (a department's approvers included); none without either.
 */
export function visibleProblemsWhere(actor: Actor): Prisma.ProblemWhereInput {
  if (can(actor.role, "problem.readAll")) return {};
  const or: Prisma.ProblemWhereInput[] = [
    { project: { is: { ownerId: actor.id } } },
    { project: { is: { leaderId: actor.id } } },
  ];
  if (actor.departmentId) or.push({ departmentId: actor.departmentId });
  return { OR: or };
}

export const problemSelect = {
  id: true,
  projectId: true,
  project: { select: { code: true, name: true, ownerId: true, leaderId: true } },
  title: true,
  category: true,
  departmentId: true,
  department: { select: { code: true, name: true } },
  description: true,
  dueDate: true,
  state: true,
  level: true,
  levelSince: true,
  escalationProposedAt: true,
  resolution: true,
  resolvedAt: true,
  closeReason: true,
  raisedById: true,
  meetingId: true,
  agendaItemId: true,
  progressEntryId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.ProblemSelect;

export type ProblemRow = Prisma.ProblemGetPayload<{ select: typeof problemSelect }>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A problem as the API and the pages answer it. */
export type ProblemView = {
  id: string;
  projectId: string;
  projectName: string;
  projectCode: string;
  title: string;
  category: ProblemCategory;
  department: { code: string; name: string };
  description: string | null;
  dueDate: string;
  state: ProblemState;
  level: number;
  levelSince: string;
  escalationProposedAt: string | null;
  resolution: string | null;
  resolvedAt: string | null;
  closeReason: string | null;
  overdue: boolean;
  raisedBy: string | null;
  meetingId: string | null;
  agendaItemId: string | null;
  progressEntryId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export function toProblemView(r: ProblemRow, names: Map<string, string>, today: string): ProblemView {
  const dueDate = isoDate(r.dueDate)!;
  return {
    id: r.id,
    projectId: r.projectId,
    projectName: r.project.name,
    projectCode: r.project.code,
    title: r.title,
    category: r.category,
    department: { code: r.department.code, name: r.department.name },
    description: r.description,
    dueDate,
    state: r.state,
    level: r.level,
    levelSince: r.levelSince.toISOString(),
    escalationProposedAt: iso(r.escalationProposedAt),
    resolution: r.resolution,
    resolvedAt: iso(r.resolvedAt),
    closeReason: r.closeReason,
    overdue: problemOverdue({ state: r.state, dueDate }, today),
    raisedBy: names.get(r.raisedById) ?? null,
    meetingId: r.meetingId,
    agendaItemId: r.agendaItemId,
    progressEntryId: r.progressEntryId,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The views of many rows, their raisers' names in one query. */
export async function toProblemViews(db: Tx, rows: readonly ProblemRow[], today = shanghaiToday()) {
  const ids = [...new Set(rows.map((r) => r.raisedById))];
  const users = ids.length
    ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })
    : [];
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((r) => toProblemView(r, names, today));
}

/** The view of one problem the caller has read or written. */
export async function problemView(db: Tx, id: string, today = shanghaiToday()): Promise<ProblemView> {
  const row = await db.problem.findUniqueOrThrow({ where: { id }, select: problemSelect });
  return (await toProblemViews(db, [row], today))[0];
}

/** What an audit row keeps of a problem. */
export function problemAudit(v: ProblemView) {
  return {
    projectId: v.projectId,
    title: v.title,
    category: v.category,
    department: v.department.code,
    dueDate: v.dueDate,
    state: v.state,
    level: v.level,
    resolution: v.resolution,
    closeReason: v.closeReason,
    description: v.description,
    version: v.version,
  };
}

export const problemHref = (id: string) => `/supervision/problems/${id}`;
