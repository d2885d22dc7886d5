import "server-only";
import { getDb, type Prisma, type Tx } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, assertCanOnProject, canOnProject, type Actor } from "../auth/permissions";
import { addWorkingDays } from "../calendar/working-days";
import { shanghaiToday, shanghaiTodayDate, storedDate } from "../dates";
import { AppError } from "../errors";
import { assertVersion, lockRow } from "../locks";
import { lockProject } from "../projects/load";
import { parseInput } from "../validation";
import { loadCalendar } from "./calendar";
import {
  applicationSchema,
  listCasesSchema,
  requiredToSubmit,
  updateApplicationSchema,
  versionSchema,
} from "./schemas";
import { caseSelect, itemSelect, toCaseView, toItemView } from "./view";

/** Stages from which the owner opens the case (SPEC §3). */
const openingStages = new Set(["SIGNED", "REGISTERED", "APPROVING"]);

/** A case's row (for permission checks on its project) and its view. */
async function loadCase(tx: Tx, id: string) {
  const row = await tx.permitCase.findUnique({ where: { id }, select: caseSelect });
  if (!row) throw new AppError("NOT_FOUND");
  return { row, view: toCaseView(await loadCalendar(tx), row, shanghaiToday()) };
}

async function caseView(tx: Tx, id: string) {
  return (await loadCase(tx, id)).view;
}

export async function event(
  tx: Tx,
  e: { caseId: string; itemId?: string; type: string; userId: string; note?: string; data?: unknown },
) {
  await tx.permitEvent.create({
    data: {
      caseId: e.caseId,
      itemId: e.itemId ?? null,
      type: e.type,
      userId: e.userId,
      note: e.note ?? "",
      data: (e.data ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}

/** Locks a case (and so its items' decisions) for the rest of the transaction. */
export async function lockCase(tx: Tx, id: string) {
  if (!(await lockRow(tx, "permit_cases", id))) throw new AppError("NOT_FOUND");
  return tx.permitCase.findUniqueOrThrow({
    where: { id },
    include: { project: { select: { id: true, ownerId: true, leaderId: true, stage: true } } },
  });
}

/**
 * Opens the project's 七证合一 case (one per project) from SIGNED, REGISTERED or
 * APPROVING, with the application as far as it is known. A REGISTERED project moves to
 * APPROVING (手续办理) in the same transaction, with its stage-change row and audit.
 */
export async function openPermitCase({ actor, projectId, input }: { actor: Actor; projectId: string; input: unknown }) {
  const data = parseInput(applicationSchema, input);
  return getDb().$transaction(async (tx) => {
    const { row: p, before } = await lockProject(tx, projectId);
    assertCanOnProject(actor, p, "permit");
    if (!openingStages.has(p.stage)) throw new AppError("RULE_PERMIT_CASE_STAGE");
    if (await tx.permitCase.findUnique({ where: { projectId }, select: { id: true } }))
      throw new AppError("RULE_PERMIT_CASE_EXISTS");
    const c = await tx.permitCase.create({ data: { projectId, openedById: actor.id, ...data } });
    await event(tx, { caseId: c.id, type: "OPENED", userId: actor.id });
    if (p.stage === "REGISTERED") {
      const earlier = await tx.stageChange.count({ where: { projectId, toStage: "APPROVING" } });
      await tx.project.update({
        where: { id: projectId },
        data: { stage: "APPROVING", stageEnteredAt: new Date(), version: { increment: 1 } },
      });
      await tx.stageChange.create({
        data: {
          projectId,
          fromStage: "REGISTERED",
          toStage: "APPROVING",
          userId: actor.id,
          note: "开启七证合一审批",
          firstEntry: earlier === 0,
        },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "Project",
        entityId: projectId,
        action: "stage:REGISTERED->APPROVING",
        before,
        after: { stage: "APPROVING" },
      });
    }
    const view = await caseView(tx, c.id);
    await writeAudit(tx, { actorId: actor.id, entityType: "PermitCase", entityId: c.id, action: "open", after: view });
    return view;
  });
}

/** The application may change while the case is a draft, or while an item waits for 补正. */
export async function updateApplication({ actor, caseId, input }: { actor: Actor; caseId: string; input: unknown }) {
  const data = parseInput(updateApplicationSchema, input);
  return getDb().$transaction(async (tx) => {
    const c = await lockCase(tx, caseId);
    assertCanOnProject(actor, c.project, "permit");
    assertVersion(c.version, data.version);
    const returned = await tx.permitItem.count({ where: { caseId, state: "RETURNED" } });
    if (c.state !== "DRAFT" && !(returned > 0 && (c.state === "SUBMITTED" || c.state === "IN_REVIEW")))
      throw new AppError("RULE_PERMIT_APPLICATION_LOCKED");
    if (c.state !== "DRAFT" && data.fastTrack !== undefined && data.fastTrack !== c.fastTrack)
      throw new AppError("RULE_PERMIT_APPLICATION_LOCKED");
    const before = await caseView(tx, caseId);
    const { version: _v, ...patch } = data;
    void _v;
    await tx.permitCase.update({ where: { id: caseId }, data: { ...patch, version: { increment: 1 } } });
    await event(tx, { caseId, type: "UPDATED", userId: actor.id });
    const after = await caseView(tx, caseId);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "PermitCase",
      entityId: caseId,
      action: "update",
      before: before.application,
      after: after.application,
    });
    return after;
  });
}

/**
 * Submits a draft: every active permit type becomes an item of its department, all at
 * once (并联审批), each with its working-day limit (fast-track or statutory) from today.
 * The application must be complete and at least one document attached (一套材料).
 */
export async function submitPermitCase({ actor, caseId, input }: { actor: Actor; caseId: string; input: unknown }) {
  const { version } = parseInput(versionSchema, input);
  return getDb().$transaction(async (tx) => {
    const c = await lockCase(tx, caseId);
    assertCanOnProject(actor, c.project, "permit");
    assertVersion(c.version, version);
    if (c.state !== "DRAFT") throw new AppError("RULE_PERMIT_NOT_DRAFT");
    const fields: Record<string, string> = {};
    for (const k of requiredToSubmit) {
      const v = c[k];
      if (v === null || v === "") fields[k] = "validation.required";
    }
    if (Object.keys(fields).length) throw new AppError("RULE_PERMIT_APPLICATION_INCOMPLETE", { fields });
    if ((await tx.attachment.count({ where: { permitCaseId: caseId } })) === 0)
      throw new AppError("RULE_PERMIT_DOCUMENTS_MISSING");
    const types = await tx.permitType.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" } });
    const cal = await loadCalendar(tx);
    const today = shanghaiToday();
    let latest = today;
    for (const t of types) {
      const limitDays = c.fastTrack ? t.fastTrackDays : t.statutoryDays;
      const due = addWorkingDays(cal, today, limitDays);
      if (due > latest) latest = due;
      await tx.permitItem.create({
        data: {
          caseId,
          permitTypeId: t.id,
          departmentId: t.departmentId,
          limitDays,
          startDate: storedDate(today),
          dueDate: storedDate(due),
        },
      });
    }
    await tx.permitCase.update({
      where: { id: caseId },
      data: {
        state: "SUBMITTED",
        submittedAt: new Date(),
        startDate: storedDate(today),
        dueDate: storedDate(latest),
        version: { increment: 1 },
      },
    });
    await event(tx, {
      caseId,
      type: "SUBMITTED",
      userId: actor.id,
      data: { items: types.length, fastTrack: c.fastTrack },
    });
    const view = await caseView(tx, caseId);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "PermitCase",
      entityId: caseId,
      action: "submit",
      after: { state: view.state, dueDate: view.dueDate },
    });
    return view;
  });
}

export async function getPermitCase({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "permit.read");
  return caseView(getDb(), id);
}

export async function getProjectPermitCase({ actor, projectId }: { actor: Actor; projectId: string }) {
  assertCan(actor, "permit.read");
  const row = await getDb().permitCase.findUnique({ where: { projectId }, select: { id: true } });
  return row ? caseView(getDb(), row.id) : null;
}

/** The case timeline with who did each step. */
export async function listPermitEvents({ actor, caseId }: { actor: Actor; caseId: string }) {
  assertCan(actor, "permit.read");
  const rows = await getDb().permitEvent.findMany({
    where: { caseId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      type: true,
      note: true,
      data: true,
      createdAt: true,
      user: { select: { displayName: true } },
      item: { select: { permitType: { select: { name: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    type: r.type,
    note: r.note,
    data: r.data,
    at: r.createdAt.toISOString(),
    by: r.user.displayName,
    permitTypeName: r.item?.permitType.name ?? null,
  }));
}

/** Cases with filters (state, department with open items, fast track, overdue, text), newest first. */
export async function listPermitCases({ actor, query }: { actor: Actor; query: unknown }) {
  assertCan(actor, "permit.read");
  const q = parseInput(listCasesSchema, query);
  const today = shanghaiTodayDate();
  const and: Prisma.PermitCaseWhereInput[] = [];
  if (q.state) and.push({ state: q.state });
  if (q.fastTrack !== undefined) and.push({ fastTrack: q.fastTrack });
  if (q.department)
    and.push({ items: { some: { department: { OR: [{ id: q.department }, { code: q.department }] } } } });
  if (q.overdue)
    and.push({
      state: { in: ["SUBMITTED", "IN_REVIEW"] },
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

/** An approver's inbox: their department's open items of open cases, by due date. */
export async function permitInbox({ actor }: { actor: Actor }) {
  assertCan(actor, "permit.decide");
  if (!actor.departmentId) return [];
  const db = getDb();
  const [rows, cal] = await Promise.all([
    db.permitItem.findMany({
      where: {
        departmentId: actor.departmentId,
        state: { in: ["PENDING", "RETURNED"] },
        case: { state: { in: ["SUBMITTED", "IN_REVIEW"] } },
      },
      orderBy: [{ dueDate: "asc" }, { permitType: { sortOrder: "asc" } }, { id: "asc" }],
      take: 500,
      select: {
        ...itemSelect,
        case: {
          select: { id: true, fastTrack: true, project: { select: { code: true, name: true, enterpriseName: true } } },
        },
      },
    }),
    loadCalendar(db),
  ]);
  const today = shanghaiToday();
  return rows.map((r) => ({
    ...toItemView(cal, r, today, null),
    caseId: r.case.id,
    fastTrack: r.case.fastTrack,
    projectCode: r.case.project.code,
    projectName: r.case.project.name,
    enterpriseName: r.case.project.enterpriseName,
  }));
}

/** What the case page shows this actor may do (the use-cases check it again). */
export async function permitCasePage({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "permit.read");
  const { row, view: c } = await loadCase(getDb(), id);
  const applicant = canOnProject(actor, row.project, "permit");
  const open = c.state === "SUBMITTED" || c.state === "IN_REVIEW";
  const returned = c.items.some((i) => i.state === "RETURNED");
  return {
    case: c,
    allowed: {
      edit: applicant && (c.state === "DRAFT" || (open && returned)),
      submit: applicant && c.state === "DRAFT",
      resubmit: applicant && open,
      decide:
        open && actor.role === "APPROVER"
          ? c.items.filter((i) => i.state === "PENDING" && i.departmentId === actor.departmentId).map((i) => i.id)
          : [],
    },
  };
}
