import "server-only";
import { getDb, type Prisma, type Tx } from "../db";
import { canOnProject, type Actor } from "../auth/permissions";
import { shanghaiToday, storedDate } from "../dates";
import { AppError } from "../errors";
import type { Locale } from "../i18n/config";
import { translate } from "../i18n/translate";
import { parseInput } from "../validation";
import { checkProblemAction, openProblemStates, type ProblemAction } from "./problem-machine";
import {
  problemSelect,
  toProblemViews,
  visibleProblemsFilter,
  visibleProblemsWhere,
  type ProblemView,
} from "./problem-access";
import { problemFacts } from "./problem-change";
import { readProblemEvents, type ProblemEventView } from "./problem-timeline";
import { listProblemsSchema, type ListProblemsQuery } from "./schemas";

/**
 * The `where` of the problems overdue on `today`: the SQL twin of problemOverdue
 * (problem-machine.ts) — still open and due before today.
 */
export function overdueProblemsWhere(today: string): Prisma.ProblemWhereInput {
  return { state: { in: [...openProblemStates] }, dueDate: { lt: storedDate(today) } };
}

/** The list's filters as a `where` (the list, the export and the stats share it), within what the actor may see. */
export async function problemWhere(
  db: Tx,
  actor: Actor,
  q: ListProblemsQuery,
  today: string,
): Promise<Prisma.ProblemWhereInput> {
  const and: Prisma.ProblemWhereInput[] = [await visibleProblemsFilter(db, actor)];
  if (q.category) and.push({ category: q.category });
  if (q.department) {
    const department = await db.department.findFirst({
      where: { code: { equals: q.department, mode: "insensitive" } },
      select: { id: true },
    });
    and.push({ departmentId: department?.id ?? "-" });
  }
  if (q.level) and.push({ level: q.level });
  if (q.state === "ACTIVE") and.push({ state: { in: [...openProblemStates] } });
  else if (q.state) and.push({ state: q.state });
  if (q.overdue === true) and.push(overdueProblemsWhere(today));
  if (q.overdue === false) and.push({ NOT: overdueProblemsWhere(today) });
  if (q.proposed === true) and.push({ state: { in: [...openProblemStates] }, escalationProposedAt: { not: null } });
  if (q.projectId) and.push({ projectId: q.projectId });
  if (q.park) {
    const park = await db.park.findFirst({ where: { OR: [{ id: q.park }, { code: q.park }] }, select: { id: true } });
    and.push({ project: { is: { parkId: park?.id ?? "-" } } });
  }
  if (q.q)
    and.push({
      OR: [
        { title: { contains: q.q, mode: "insensitive" } },
        { project: { is: { name: { contains: q.q, mode: "insensitive" } } } },
        { project: { is: { code: { contains: q.q, mode: "insensitive" } } } },
      ],
    });
  return and.length === 1 ? and[0] : { AND: and };
}

export function problemOrderBy(sort: ListProblemsQuery["sort"]): Prisma.ProblemOrderByWithRelationInput[] {
  const dir = sort.startsWith("-") ? "desc" : "asc";
  const key = sort.replace(/^-/, "");
  if (key === "created") return [{ createdAt: dir }, { id: "asc" }];
  if (key === "level") return [{ level: dir }, { dueDate: "asc" }, { id: "asc" }];
  // The tie-breaker follows the direction, so (dueDate, id) serves both orders.
  return [{ dueDate: dir }, { id: dir }];
}

/**
 * GET /api/v1/problems: the problems the actor may see with the filters (category,
 * department code, level, state — ACTIVE for the open ones —, overdue, proposed for
 * escalation, project, park, text), sorted and paged on the server.
 */
export async function listProblems({ actor, query }: { actor: Actor; query: unknown }) {
  const q = parseInput(listProblemsSchema, query);
  const today = shanghaiToday();
  const db = getDb();
  const where = await problemWhere(db, actor, q, today);
  const [rows, total] = await Promise.all([
    db.problem.findMany({
      where,
      select: problemSelect,
      orderBy: problemOrderBy(q.sort),
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.problem.count({ where }),
  ]);
  return { items: await toProblemViews(db, rows, today), total, page: q.page, pageSize: q.pageSize };
}

/** One timeline step in words, in the reader's language (problems.events.<action>). */
export function problemEventText(locale: Locale, e: ProblemEventView): string {
  return translate(locale, `problems.events.${e.action}`, {
    by: e.by ?? translate(locale, "problems.events.system"),
    note: e.note ?? "",
    fromLevel: e.fromLevel ?? e.toLevel,
    toLevel: e.toLevel,
    toState: translate(locale, `problems.states.${e.toState}`),
  });
}

export type ProblemDetail = ProblemView & {
  timeline: (ProblemEventView & { text: string })[];
  /** Its documents (GET /api/v1/attachments/{id}: for whoever sees the problem). */
  attachments: { id: string; fileName: string; size: number; createdAt: string }[];
};

async function findVisible(actor: Actor, id: string) {
  const db = getDb();
  const row = await db.problem.findFirst({ where: { id, AND: [visibleProblemsWhere(actor)] }, select: problemSelect });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** GET /api/v1/problems/{id}: one problem the actor may see (else 404), with its timeline in words. */
export async function getProblem({
  actor,
  id,
  locale,
}: {
  actor: Actor;
  id: string;
  locale: Locale;
}): Promise<ProblemDetail> {
  const row = await findVisible(actor, id);
  const db = getDb();
  const [[view], events, attachments] = await Promise.all([
    toProblemViews(db, [row]),
    readProblemEvents(db, id),
    db.attachment.findMany({
      where: { problemId: id },
      orderBy: { createdAt: "asc" },
      select: { id: true, fileName: true, size: true, createdAt: true },
    }),
  ]);
  return {
    ...view,
    timeline: events.map((e) => ({ ...e, text: problemEventText(locale, e) })),
    attachments: attachments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
  };
}

/** The problem page: the problem, its timeline in words, and what this reader may do (the use-cases ask the machine again). */
export async function problemPage({ actor, id, locale }: { actor: Actor; id: string; locale: Locale }) {
  const row = await findVisible(actor, id);
  const problem = await getProblem({ actor, id, locale });
  const facts = problemFacts(actor, row);
  const may = (a: ProblemAction) => checkProblemAction(a, facts).ok;
  const departments = may("EDIT") ? await problemDepartments() : [];
  return {
    problem,
    departments,
    allowed: {
      start: may("START"),
      resolve: may("RESOLVE"),
      closeUnresolved: may("CLOSE_UNRESOLVED"),
      reopen: may("REOPEN"),
      escalate: may("ESCALATE"),
      edit: may("EDIT"),
    },
  };
}
export type ProblemPage = Awaited<ReturnType<typeof problemPage>>;

/** The departments a problem may be given to (code and name, in the bureau's order). */
export async function problemDepartments(): Promise<{ code: string; name: string }[]> {
  return getDb().department.findMany({
    select: { code: true, name: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
}

/**
 * The project's 要素保障 on its 督办 tab: the problems the reader may see, whether the reader
 * may raise one there (the project action `problem`), and the departments to choose from.
 */
export async function projectProblems({ actor, projectId }: { actor: Actor; projectId: string }) {
  const db = getDb();
  const project = await db.project.findUnique({ where: { id: projectId }, select: { ownerId: true, leaderId: true } });
  if (!project) throw new AppError("NOT_FOUND");
  const mayRaise = canOnProject(actor, project, "problem");
  const [list, departments] = await Promise.all([
    listProblems({ actor, query: { projectId, pageSize: 200, sort: "-created" } }),
    mayRaise ? problemDepartments() : Promise.resolve([]),
  ]);
  return { items: list.items, total: list.total, mayRaise, departments };
}

/** The departments to raise a problem on the project with, or null when the reader may not raise one there. */
export async function problemRaiseChoices({ actor, projectId }: { actor: Actor; projectId: string }) {
  const project = await getDb().project.findUnique({
    where: { id: projectId },
    select: { ownerId: true, leaderId: true },
  });
  return project && canOnProject(actor, project, "problem") ? problemDepartments() : null;
}
