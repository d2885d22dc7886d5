import "server-only";
import { getDb, type Prisma } from "../db";
import { assertCan, can, type Actor } from "../auth/permissions";
import { shanghaiToday, shanghaiTodayDate } from "../dates";
import { visibleCases } from "../projects/visibility";
import { parseInput } from "../validation";
import { loadCalendar } from "../calendar/load-calendar";
import { caseFacts, caseView, itemFacts, loadCase } from "./load";
import {
  checkCaseAction,
  checkItemAction,
  decidableItemStates,
  openCaseStates,
  pausedItemStates,
  type CaseAction,
  type ItemState,
  type ItemAction,
} from "./permit-machine";
import { listCasesSchema } from "./schemas";
import { caseSelect, itemSelect, toCaseView, toItemView } from "./view";

/** A case of a project the actor may see; else 404. */
export async function getPermitCase({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "permit.read");
  return (await loadCase(getDb(), { actor, id })).view;
}

/** The case of a project, if it has one and the actor may see the project. */
export async function getProjectPermitCase({ actor, projectId }: { actor: Actor; projectId: string }) {
  assertCan(actor, "permit.read");
  const row = await getDb().permitCase.findFirst({
    where: { projectId, AND: [visibleCases(actor)] },
    select: { id: true },
  });
  return row ? caseView(getDb(), row.id) : null;
}

/**
 * The cases of the projects the actor may see, with filters (state, department with open
 * items, fast track, overdue, text), newest first.
 */
export async function listPermitCases({ actor, query }: { actor: Actor; query: unknown }) {
  assertCan(actor, "permit.read");
  const q = parseInput(listCasesSchema, query);
  const today = shanghaiTodayDate();
  const visible = visibleCases(actor);
  const and: Prisma.PermitCaseWhereInput[] = Object.keys(visible).length ? [visible] : [];
  if (q.state) and.push({ state: q.state });
  if (q.fastTrack !== undefined) and.push({ fastTrack: q.fastTrack });
  if (q.department)
    and.push({ items: { some: { department: { OR: [{ id: q.department }, { code: q.department }] } } } });
  if (q.overdue)
    and.push({
      state: { in: [...openCaseStates] },
      items: { some: { state: "PENDING", dueDate: { lt: today } } },
    });
  if (q.q)
    and.push({
      project: {
        OR: [
          { name: { contains: q.q, mode: "insensitive" } },
          { code: { contains: q.q, mode: "insensitive" } },
          { enterpriseName: { contains: q.q, mode: "insensitive" } },
        ],
      },
    });
  const where: Prisma.PermitCaseWhereInput = and.length ? { AND: and } : {};
  const db = getDb();
  const [rows, total, cal] = await Promise.all([
    db.permitCase.findMany({
      where,
      select: caseSelect,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.permitCase.count({ where }),
    loadCalendar(db),
  ]);
  const todayIso = shanghaiToday();
  return { items: rows.map((r) => toCaseView(cal, r, todayIso)), total, page: q.page, pageSize: q.pageSize };
}

/** Open cases' items of the actor's department (what an approver's inbox and badge count). */
const departmentOpenItems = (departmentId: string, states: readonly ItemState[]) =>
  ({
    departmentId,
    state: { in: [...states] },
    case: { state: { in: [...openCaseStates] } },
  }) satisfies Prisma.PermitItemWhereInput;

/**
 * An approver's inbox, in two parts. 待办 (`toDecide`): their department's pending items of
 * open cases, by due date — only what they can decide. 等待补正 (`awaitingCorrection`):
 * items they returned, whose clock stands until the applicant resubmits — not a task of
 * theirs, listed with the day the clock stopped and what is missing, longest waiting first.
 */
export async function permitInbox({ actor }: { actor: Actor }) {
  assertCan(actor, "permit.decide");
  if (!actor.departmentId) return { toDecide: [], awaitingCorrection: [] };
  const db = getDb();
  const select = {
    ...itemSelect,
    case: {
      select: { id: true, fastTrack: true, project: { select: { code: true, name: true, enterpriseName: true } } },
    },
  } as const;
  const [pending, returned, cal] = await Promise.all([
    db.permitItem.findMany({
      where: departmentOpenItems(actor.departmentId, decidableItemStates),
      orderBy: [{ dueDate: "asc" }, { permitType: { sortOrder: "asc" } }, { id: "asc" }],
      take: 500,
      select,
    }),
    db.permitItem.findMany({
      where: departmentOpenItems(actor.departmentId, pausedItemStates),
      orderBy: [{ returnedDate: "asc" }, { permitType: { sortOrder: "asc" } }, { id: "asc" }],
      take: 500,
      select,
    }),
    loadCalendar(db),
  ]);
  const today = shanghaiToday();
  const view = (r: (typeof pending)[number]) => ({
    ...toItemView(cal, r, today, null),
    caseId: r.case.id,
    fastTrack: r.case.fastTrack,
    projectCode: r.case.project.code,
    projectName: r.case.project.name,
    enterpriseName: r.case.project.enterpriseName,
  });
  return { toDecide: pending.map(view), awaitingCorrection: returned.map(view) };
}
export type PermitInboxItem = Awaited<ReturnType<typeof permitInbox>>["toDecide"][number];

/** How many items wait for the actor's decision (the badge on 七证合一); 0 for anyone who decides none. */
export async function permitInboxCount({ actor }: { actor: Actor }) {
  if (!can(actor.role, "permit.decide") || !actor.departmentId) return 0;
  return getDb().permitItem.count({ where: departmentOpenItems(actor.departmentId, decidableItemStates) });
}

/** What the case page shows this actor may do (the use-cases ask the machine again). */
export async function permitCasePage({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "permit.read");
  const { row, view: c } = await loadCase(getDb(), { actor, id });
  const facts = caseFacts(actor, { ...row, hasReturnedItems: c.items.some((i) => i.state === "RETURNED") });
  const may = (action: CaseAction) => checkCaseAction(action, facts).ok;
  const itemMay = (action: ItemAction) =>
    c.items.filter((i) => checkItemAction(action, itemFacts(actor, row, i)).ok).map((i) => i.id);
  return {
    case: c,
    allowed: {
      edit: may("EDIT_APPLICATION"),
      changeFastTrack: may("CHANGE_FAST_TRACK"),
      addDocument: may("ADD_DOCUMENT"),
      submit: may("SUBMIT"),
      resubmit: itemMay("RESUBMIT"),
      decide: itemMay("APPROVE"),
    },
  };
}
