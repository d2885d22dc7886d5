import "server-only";
import type { Prisma, Tx } from "../db";
import { can } from "../auth/permissions";
import { AppError } from "../errors";
import type { FieldErrors } from "../errors";
import type { z } from "zod";
import type { agendaItemSchema } from "./schemas";

type ItemData = z.output<typeof agendaItemSchema>;
type Existing = { id: string; decisions: number };

const field = (fields: FieldErrors, path: string, message: string) => {
  fields[path] = message;
};

/**
 * The chair and the attendees are active accounts; the chair one who may read meetings
 * (they sign the minutes). 400 at the field otherwise.
 */
export async function checkPeople(tx: Tx, { chairId, attendeeIds }: { chairId?: string; attendeeIds?: string[] }) {
  const ids = [...new Set([...(chairId ? [chairId] : []), ...(attendeeIds ?? [])])];
  if (!ids.length) return;
  const users = await tx.user.findMany({ where: { id: { in: ids }, active: true }, select: { id: true, role: true } });
  const found = new Map(users.map((u) => [u.id, u.role]));
  const fields: FieldErrors = {};
  if (chairId && !(found.has(chairId) && can(found.get(chairId)!, "meeting.read")))
    field(fields, "chairId", "validation.choose");
  (attendeeIds ?? []).forEach((id, i) => {
    if (!found.has(id)) field(fields, `attendeeIds.${i}`, "validation.choose");
  });
  if (Object.keys(fields).length) throw new AppError("VALIDATION", { labels: "meeting", fields });
}

/**
 * The new items' subjects exist (the project, notice or problem chosen); a notice's or a
 * problem's item is about its project too (decisions on it are for that project). Answers
 * each item's project (null for free-text items).
 */
async function resolveSubjects(tx: Tx, items: ItemData[]): Promise<(string | null)[]> {
  const want = (k: "projectId" | "noticeId" | "problemId") => [
    ...new Set(items.filter((i) => !i.id && i[k]).map((i) => i[k]!)),
  ];
  const [projects, notices, problems] = await Promise.all([
    tx.project.findMany({ where: { id: { in: want("projectId") } }, select: { id: true } }),
    tx.supervisionNotice.findMany({ where: { id: { in: want("noticeId") } }, select: { id: true, projectId: true } }),
    tx.problem.findMany({ where: { id: { in: want("problemId") } }, select: { id: true, projectId: true } }),
  ]);
  const projectOf = new Map<string, string>([
    ...projects.map((p) => [`PROJECT:${p.id}`, p.id] as const),
    ...notices.map((n) => [`NOTICE:${n.id}`, n.projectId] as const),
    ...problems.map((p) => [`PROBLEM:${p.id}`, p.projectId] as const),
  ]);
  const fields: FieldErrors = {};
  const out = items.map((item, i) => {
    if (item.id || item.kind === "OTHER") return null;
    const key = { PROJECT: "projectId", NOTICE: "noticeId", PROBLEM: "problemId" }[item.kind] as
      "projectId" | "noticeId" | "problemId";
    const project = projectOf.get(`${item.kind}:${item[key]}`);
    if (!project) field(fields, `items.${i}.${key}`, "validation.choose");
    return project ?? null;
  });
  if (Object.keys(fields).length) throw new AppError("VALIDATION", { labels: "meeting", fields });
  return out;
}

const reasonsJson = (r: ItemData["reasons"]) => r as unknown as Prisma.InputJsonValue;

/**
 * Writes the whole ordered agenda of a meeting: the items given keep their place in the
 * list; existing ones (by id) are updated (title, reasons, minutes; what they are about
 * stays), new ones added, the others removed — but not one with decisions (422).
 */
export async function writeAgenda(tx: Tx, meetingId: string, items: ItemData[], existing: Existing[]) {
  const known = new Map(existing.map((e) => [e.id, e]));
  const fields: FieldErrors = {};
  items.forEach((item, i) => {
    if (item.id && !known.has(item.id)) field(fields, `items.${i}.id`, "validation.choose");
  });
  if (Object.keys(fields).length) throw new AppError("VALIDATION", { labels: "meeting", fields });
  const kept = new Set(items.filter((i) => i.id).map((i) => i.id!));
  const removed = existing.filter((e) => !kept.has(e.id));
  if (removed.some((e) => e.decisions > 0)) throw new AppError("RULE_MEETING_ITEM_HAS_DECISIONS");
  const projects = await resolveSubjects(tx, items);
  if (removed.length) await tx.meetingAgendaItem.deleteMany({ where: { id: { in: removed.map((e) => e.id) } } });
  for (const [position, item] of items.entries()) {
    const data = { position, title: item.title, reasons: reasonsJson(item.reasons), minutes: item.minutes ?? null };
    if (item.id) await tx.meetingAgendaItem.update({ where: { id: item.id }, data });
    else
      await tx.meetingAgendaItem.create({
        data: {
          ...data,
          meetingId,
          kind: item.kind,
          projectId: projects[position],
          noticeId: item.kind === "NOTICE" ? item.noticeId! : null,
          problemId: item.kind === "PROBLEM" ? item.problemId! : null,
        },
      });
  }
}

/** The agenda items of a meeting with how many decisions each carries. */
export async function existingItems(tx: Tx, meetingId: string): Promise<Existing[]> {
  const rows = await tx.meetingAgendaItem.findMany({
    where: { meetingId },
    select: { id: true, _count: { select: { decisionProblems: true, decisionNotices: true } } },
  });
  return rows.map((r) => ({ id: r.id, decisions: r._count.decisionProblems + r._count.decisionNotices }));
}
