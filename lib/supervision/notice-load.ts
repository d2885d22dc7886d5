// No "server-only" marker: it reads and locks on the transaction it is given, so the demo seed
// (a plain Node script) issues notices through the app's own writer.
import type { Prisma, Tx } from "../db";
import { can, type Actor } from "../auth/permissions";
import { workingDaysBetween, type Calendar } from "../calendar/working-days";
import { isoDate } from "../dates";
import { AppError } from "../errors";
import { assertVersion, lockRow } from "../locks";
import { visibleProjects } from "../projects/visibility";
import { noticeNumber, runningDeadline, type NoticeFacts, type NoticeRule, type Verdict } from "./notice-machine";
import { noticeOverdue } from "./notice-overdue";

/**
 * The notices an actor may see: every one for those who read all (managers, admins); for
 * the others who read supervision, the ones they answer (the notice's leader or owner);
 * none for anyone else. Always within the projects the actor may read the work of.
 */
export function visibleNotices(actor: Actor): Prisma.SupervisionNoticeWhereInput {
  const project = { project: { is: visibleProjects(actor, "work") } };
  if (can(actor.role, "notice.readAll")) return project;
  if (can(actor.role, "supervision.read"))
    return { AND: [project, { OR: [{ leaderId: actor.id }, { ownerId: actor.id }] }] };
  return { id: { in: [] } };
}

/** The actor answers this notice: may reply (notice.reply) and is its leader or owner. */
export const isRecipient = (actor: Actor, n: { leaderId: string; ownerId: string }) =>
  can(actor.role, "notice.reply") && (n.leaderId === actor.id || n.ownerId === actor.id);

export const noticeSelect = {
  id: true,
  year: true,
  seq: true,
  projectId: true,
  project: { select: { code: true, name: true, enterpriseName: true } },
  subject: true,
  content: true,
  state: true,
  issuedById: true,
  issuedAt: true,
  leaderId: true,
  ownerId: true,
  replyDays: true,
  resolveDays: true,
  replyDue: true,
  resolveDue: true,
  reply: true,
  repliedAt: true,
  repliedById: true,
  replyAcceptedAt: true,
  replyAcceptedById: true,
  rejectReason: true,
  extension: true,
  extensionDays: true,
  extensionReason: true,
  extensionDecidedById: true,
  closedAt: true,
  closedById: true,
  version: true,
  attachments: {
    select: { id: true, fileName: true, size: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  },
} as const satisfies Prisma.SupervisionNoticeSelect;

export type NoticeRow = Prisma.SupervisionNoticeGetPayload<{ select: typeof noticeSelect }>;

const userFields = [
  "issuedById",
  "leaderId",
  "ownerId",
  "repliedById",
  "replyAcceptedById",
  "extensionDecidedById",
  "closedById",
] as const;

/** The names of the people on these notices, in one query. */
export async function noticeUserNames(db: Tx, rows: readonly Pick<NoticeRow, (typeof userFields)[number]>[]) {
  const ids = [...new Set(rows.flatMap((r) => userFields.map((f) => r[f]).filter((x): x is string => !!x)))];
  const users = ids.length
    ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })
    : [];
  return new Map(users.map((u) => [u.id, u.displayName]));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A notice as the API and the pages answer it: numbers, due dates, overdue (noticeOverdue), names. */
export function toNoticeView(r: NoticeRow, names: Map<string, string>, today: string) {
  const replyDue = isoDate(r.replyDue)!;
  const resolveDue = isoDate(r.resolveDue)!;
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const clock = { state: r.state, replyDue, resolveDue };
  return {
    id: r.id,
    number: noticeNumber(r.year, r.seq),
    year: r.year,
    seq: r.seq,
    projectId: r.projectId,
    projectCode: r.project.code,
    projectName: r.project.name,
    enterpriseName: r.project.enterpriseName,
    subject: r.subject,
    content: r.content,
    state: r.state,
    issuedById: r.issuedById,
    issuedBy: name(r.issuedById),
    issuedAt: r.issuedAt.toISOString(),
    leaderId: r.leaderId,
    leaderName: name(r.leaderId),
    ownerId: r.ownerId,
    ownerName: name(r.ownerId),
    replyDays: r.replyDays,
    resolveDays: r.resolveDays,
    replyDue,
    resolveDue,
    running: runningDeadline(clock),
    overdue: noticeOverdue(clock, today),
    reply: r.reply,
    repliedAt: iso(r.repliedAt),
    repliedBy: name(r.repliedById),
    replyAcceptedAt: iso(r.replyAcceptedAt),
    replyAcceptedBy: name(r.replyAcceptedById),
    rejectReason: r.rejectReason,
    extension: r.extension,
    extensionDays: r.extensionDays,
    extensionReason: r.extensionReason,
    extensionDecidedBy: name(r.extensionDecidedById),
    closedAt: iso(r.closedAt),
    closedBy: name(r.closedById),
    attachments: r.attachments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    version: r.version,
  };
}
export type NoticeView = ReturnType<typeof toNoticeView>;

/** The view of one notice row the caller has read or written. */
export async function noticeView(db: Tx, id: string, today: string) {
  const row = await db.supervisionNotice.findUniqueOrThrow({ where: { id }, select: noticeSelect });
  return toNoticeView(row, await noticeUserNames(db, [row]), today);
}

/**
 * Locks a notice for the rest of the transaction; one the actor may not see does not exist
 * for them (404 before any permission check).
 */
export async function lockNotice(tx: Tx, { actor, id }: { actor: Actor; id: string }) {
  if (!(await lockRow(tx, "supervision_notices", id))) throw new AppError("NOT_FOUND");
  const n = await tx.supervisionNotice.findFirst({ where: { id, AND: [visibleNotices(actor)] }, select: noticeSelect });
  if (!n) throw new AppError("NOT_FOUND");
  return n;
}

/** The facts the machine needs about a notice, today, for this actor. */
export function noticeFacts(actor: Actor, n: NoticeRow, cal: Calendar, today: string): NoticeFacts {
  const running = runningDeadline({
    state: n.state,
    replyDue: isoDate(n.replyDue)!,
    resolveDue: isoDate(n.resolveDue)!,
  });
  return {
    state: n.state,
    extension: n.extension,
    accepted: !!n.replyAcceptedAt,
    hasEvidence: !!n.reply?.trim() && n.attachments.length > 0,
    workingDaysLeft: running ? workingDaysBetween(cal, today, running.due) : 0,
    manager: can(actor.role, "notice.manage"),
    recipient: isRecipient(actor, n),
  };
}

/**
 * Throws what the machine refused, in the order every notice use-case answers: FORBIDDEN
 * with the permission it lacked, then a stale `version` (409), then the rule (422).
 */
export function enforceNotice<S>(verdict: Verdict<S>, permission: string, version?: { current: number; sent: number }) {
  if (!verdict.ok && verdict.rule === "FORBIDDEN") throw new AppError("FORBIDDEN", { params: { action: permission } });
  if (version) assertVersion(version.current, version.sent);
  if (verdict.ok) return verdict.next;
  throw new AppError(verdict.rule satisfies NoticeRule);
}

/** What an audit row keeps of a notice. */
export function noticeAudit(v: NoticeView) {
  return {
    number: v.number,
    projectId: v.projectId,
    subject: v.subject,
    state: v.state,
    replyDue: v.replyDue,
    resolveDue: v.resolveDue,
    reply: v.reply,
    rejectReason: v.rejectReason,
    extension: v.extension,
    extensionDays: v.extensionDays,
    extensionReason: v.extensionReason,
    attachments: v.attachments.map((a) => a.fileName),
    version: v.version,
  };
}

export const noticeHref = (id: string) => `/supervision/notices/${id}`;
