// No "server-only" marker: it works on the transaction it is given, so the demo seed (a plain
// Node script) raises its problems through this writer too. The app imports it from
// raise-problem.ts, which adds raiseProblem (its own transaction, the server's client).
import type { Tx } from "../db";
import { writeAudit } from "../audit/log";
import { can, canOnProject, projectScope, type Actor } from "../auth/permissions";
import { loadCalendar } from "../calendar/load-calendar";
import { addWorkingDays } from "../calendar/working-days";
import { shanghaiToday, storedDate } from "../dates";
import { AppError } from "../errors";
import { notify } from "../notifications/notify";
import { getSupervisionSettings } from "../supervision/settings";
import { parseInput } from "../validation";
import { checkRaise } from "./problem-machine";
import { problemAudit, problemHref, problemView, type ProblemView } from "./problem-access";
import { writeProblemEvent } from "./problem-timeline";
import { raiseProblemSchema } from "./schemas";

export type ProblemLinks = { meetingId?: string; agendaItemId?: string; progressEntryId?: string };

/** A department by its code (as permit items give it); an unknown one is the field's error. */
export async function departmentByCode(tx: Tx, code: string) {
  // Codes are upper case (ZRZY); what people type in lower case finds them too.
  const d = await tx.department.findFirst({
    where: { code: { equals: code, mode: "insensitive" } },
    select: { id: true, code: true, name: true },
  });
  if (!d)
    throw new AppError("VALIDATION", { labels: "problem", fields: { department: "validation.problemDepartment" } });
  return d;
}

/** The active users of a department (told of the problems it answers for). */
export async function departmentUserIds(tx: Tx, departmentId: string): Promise<string[]> {
  const users = await tx.user.findMany({ where: { departmentId, active: true }, select: { id: true } });
  return users.map((u) => u.id);
}

/**
 * Raises a 要素保障 problem inside the caller's transaction: on a project the actor may raise
 * problems on (its owner, its leader, a manager; a meeting's decision — `links.meetingId` —
 * was checked by the meeting's use-case against meeting.manage), for a department given by its
 * code, due on the date given or in working days (督办规则's problemDueDays by default). Level 1,
 * OPEN; the timeline's RAISED step, the audit row; the department's users and the project's
 * owner are told.
 */
export async function raiseProblemInTx(
  tx: Tx,
  { actor, input, links = {} }: { actor: Actor; input: unknown; links?: ProblemLinks },
): Promise<ProblemView> {
  const data = parseInput(raiseProblemSchema, input);
  const project = await tx.project.findUnique({
    where: { id: data.projectId },
    select: { id: true, name: true, ownerId: true, leaderId: true },
  });
  // A project the actor may not even read the work of does not exist for them.
  if (!project || !projectScope(actor.role, "readWork")) throw new AppError("NOT_FOUND");
  const mayRaise = canOnProject(actor, project, "problem") || (!!links.meetingId && can(actor.role, "meeting.manage"));
  if (!checkRaise({ mayRaise }).ok) throw new AppError("FORBIDDEN", { params: { action: "project.problem" } });
  const department = await departmentByCode(tx, data.department);
  const progressEntryId = links.progressEntryId ?? data.progressEntryId ?? null;
  if (
    progressEntryId &&
    !(await tx.progressEntry.findFirst({ where: { id: progressEntryId, projectId: project.id }, select: { id: true } }))
  )
    throw new AppError("VALIDATION", { labels: "problem", fields: { progressEntryId: "validation.choose" } });

  const today = shanghaiToday();
  let due = data.dueDate ? data.dueDate.toISOString().slice(0, 10) : null;
  if (!due) {
    const [cal, settings] = await Promise.all([loadCalendar(tx), getSupervisionSettings(tx)]);
    due = addWorkingDays(cal, today, data.dueDays ?? settings.problemDueDays);
  }
  const row = await tx.problem.create({
    data: {
      projectId: project.id,
      title: data.title,
      category: data.category,
      departmentId: department.id,
      description: data.description ?? null,
      dueDate: storedDate(due),
      raisedById: actor.id,
      meetingId: links.meetingId ?? null,
      agendaItemId: links.agendaItemId ?? null,
      progressEntryId,
    },
    select: { id: true },
  });
  const ids = [...new Set(data.attachmentIds)];
  if (ids.length) {
    const linked = await tx.attachment.updateMany({
      where: {
        id: { in: ids },
        projectId: project.id,
        problemId: null,
        noticeId: null,
        permitCaseId: null,
        progressEntryId: null,
      },
      data: { problemId: row.id },
    });
    if (linked.count !== ids.length)
      throw new AppError("VALIDATION", {
        labels: "problem",
        fields: { attachmentIds: "validation.attachmentUnavailable" },
      });
  }
  await writeProblemEvent(tx, {
    problemId: row.id,
    action: "RAISED",
    fromState: null,
    toState: "OPEN",
    fromLevel: null,
    toLevel: 1,
    actorId: actor.id,
    note: data.title,
  });
  const view = await problemView(tx, row.id, today);
  await writeAudit(tx, {
    actorId: actor.id,
    entityType: "Problem",
    entityId: row.id,
    action: "raise",
    after: problemAudit(view),
  });
  const to = [...(await departmentUserIds(tx, department.id)), project.ownerId].filter((u) => u !== actor.id);
  await notify(tx, {
    userIds: to,
    kind: "problemAssigned",
    params: { projectName: project.name, title: view.title, department: department.name, due: view.dueDate },
    href: problemHref(row.id),
    entity: { type: "Problem", id: row.id },
  });
  return view;
}
