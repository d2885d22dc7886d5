import "server-only";
import type { Prisma } from "../db";
import { workingDaysBetween, type Calendar } from "../calendar/working-days";
import { isoDate } from "../dates";
import { waitingItemStates } from "./permit-machine";

export const itemSelect = {
  id: true,
  state: true,
  limitDays: true,
  startDate: true,
  dueDate: true,
  pausedDays: true,
  returnedDate: true,
  missing: true,
  returns: true,
  certificateNo: true,
  certificateDate: true,
  rejectReason: true,
  decidedDate: true,
  decidedAt: true,
  workingDays: true,
  version: true,
  departmentId: true,
  department: { select: { code: true, name: true } },
  permitType: { select: { code: true, name: true, sortOrder: true } },
  decidedBy: { select: { displayName: true } },
} as const satisfies Prisma.PermitItemSelect;

export const caseSelect = {
  id: true,
  projectId: true,
  project: { select: { code: true, name: true, enterpriseName: true, stage: true, ownerId: true, leaderId: true } },
  state: true,
  fastTrack: true,
  applicant: true,
  landParcel: true,
  floorArea: true,
  buildingUse: true,
  designUnit: true,
  constructionUnit: true,
  plannedStartDate: true,
  contactPerson: true,
  contactPhone: true,
  description: true,
  submittedAt: true,
  startDate: true,
  dueDate: true,
  closedAt: true,
  closedDate: true,
  version: true,
  createdAt: true,
  items: { select: itemSelect, orderBy: { permitType: { sortOrder: "asc" } } },
} as const satisfies Prisma.PermitCaseSelect;

type ItemRow = Prisma.PermitItemGetPayload<{ select: typeof itemSelect }>;
type CaseRow = Prisma.PermitCaseGetPayload<{ select: typeof caseSelect }>;

/**
 * An item's clock in working days: elapsed from the start to its decision, to its return
 * (the clock stands while it waits for 补正), or to today, less the paused days;
 * remaining to the due date; overdue when open past the due date or decided after it.
 */
export function itemClock(
  cal: Calendar,
  i: Pick<ItemRow, "state" | "limitDays" | "startDate" | "dueDate" | "pausedDays" | "returnedDate" | "decidedDate">,
  today: string,
  caseClosed: string | null,
) {
  const start = isoDate(i.startDate)!;
  const due = isoDate(i.dueDate)!;
  const end =
    isoDate(i.decidedDate) ?? (i.state === "RETURNED" ? isoDate(i.returnedDate) : null) ?? caseClosed ?? today;
  const elapsed = Math.max(0, workingDaysBetween(cal, start, end) - i.pausedDays);
  const isOpen = (waitingItemStates as readonly string[]).includes(i.state) && !caseClosed;
  // A returned item's clock stands: what is left is what was left on the day of return.
  const remaining = !isOpen
    ? null
    : i.state === "RETURNED"
      ? i.limitDays - elapsed
      : today <= due
        ? workingDaysBetween(cal, today, due)
        : -workingDaysBetween(cal, due, today);
  const overdue =
    i.state === "PENDING" && !caseClosed ? today > due : i.decidedDate ? isoDate(i.decidedDate)! > due : false;
  return { elapsedWorkingDays: elapsed, remainingWorkingDays: remaining, overdue };
}

export function toItemView(cal: Calendar, i: ItemRow, today: string, caseClosed: string | null) {
  return {
    id: i.id,
    permitType: i.permitType.code,
    permitTypeName: i.permitType.name,
    department: i.department.code,
    departmentId: i.departmentId,
    departmentName: i.department.name,
    state: i.state,
    limitDays: i.limitDays,
    startDate: isoDate(i.startDate)!,
    dueDate: isoDate(i.dueDate)!,
    pausedDays: i.pausedDays,
    ...itemClock(cal, i, today, caseClosed),
    /** While RETURNED: the day its clock stopped (it restarts when the applicant resubmits). */
    returnedDate: i.state === "RETURNED" ? isoDate(i.returnedDate) : null,
    missing: i.missing,
    returns: i.returns,
    certificateNo: i.certificateNo,
    certificateDate: isoDate(i.certificateDate),
    rejectReason: i.rejectReason,
    decidedDate: isoDate(i.decidedDate),
    decidedBy: i.decidedBy?.displayName ?? null,
    version: i.version,
  };
}
export type PermitItemView = ReturnType<typeof toItemView>;

/** A case as the API (SPEC §10) and its page show it. */
export function toCaseView(cal: Calendar, c: CaseRow, today: string) {
  const closed = isoDate(c.closedDate);
  const items = c.items.map((i) => toItemView(cal, i, today, closed));
  const start = isoDate(c.startDate);
  const due = isoDate(c.dueDate);
  return {
    id: c.id,
    projectId: c.projectId,
    projectCode: c.project.code,
    projectName: c.project.name,
    enterpriseName: c.project.enterpriseName,
    projectStage: c.project.stage,
    state: c.state,
    fastTrack: c.fastTrack,
    application: {
      applicant: c.applicant,
      landParcel: c.landParcel,
      floorArea: c.floorArea?.toFixed(2) ?? null,
      buildingUse: c.buildingUse,
      designUnit: c.designUnit,
      constructionUnit: c.constructionUnit,
      plannedStartDate: isoDate(c.plannedStartDate),
      contactPerson: c.contactPerson,
      contactPhone: c.contactPhone,
      description: c.description,
    },
    submittedAt: c.submittedAt?.toISOString() ?? null,
    startDate: start,
    dueDate: due,
    closedDate: closed,
    elapsedWorkingDays: start ? workingDaysBetween(cal, start, closed ?? today) : 0,
    overdue: due ? (closed ?? today) > due : false,
    approvedCount: items.filter((i) => i.state === "APPROVED").length,
    items,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
  };
}
export type PermitCaseView = ReturnType<typeof toCaseView>;
