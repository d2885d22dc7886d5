import "server-only";
import type { Prisma, Tx } from "../db";
import { can, type Actor } from "../auth/permissions";
import { isoDate } from "../dates";
import { AppError } from "../errors";
import { assertVersion, lockRow } from "../locks";
import { noticeNumber } from "../supervision/notice-machine";
import type { MeetingFacts, MeetingRule, MeetingVerdict } from "./meeting-machine";

/**
 * The meetings an actor may read: every one with meeting.read (staff, leaders, managers,
 * admins); an approver (a department's representative) the meetings they attend; none else.
 */
export function visibleMeetings(actor: Actor): Prisma.MeetingWhereInput {
  if (can(actor.role, "meeting.read")) return {};
  if (can(actor.role, "meeting.readAttended")) return { attendeeIds: { has: actor.id } };
  return { id: { in: [] } };
}

/** Whether the actor may read meetings at all (the list answers 403 to those who may not). */
export const mayReadMeetings = (actor: Actor) =>
  can(actor.role, "meeting.read") || can(actor.role, "meeting.readAttended");

const decisionProblemSelect = {
  id: true,
  title: true,
  state: true,
  level: true,
  category: true,
  dueDate: true,
  department: { select: { id: true, name: true } },
} as const satisfies Prisma.ProblemSelect;

const decisionNoticeSelect = {
  id: true,
  year: true,
  seq: true,
  subject: true,
  state: true,
  resolveDue: true,
  leaderId: true,
} as const satisfies Prisma.SupervisionNoticeSelect;

export const meetingSelect = {
  id: true,
  kind: true,
  title: true,
  startsAt: true,
  place: true,
  chairId: true,
  chair: { select: { displayName: true } },
  attendeeIds: true,
  attendeesText: true,
  state: true,
  signedOffAt: true,
  signedOffById: true,
  createdById: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  items: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      kind: true,
      projectId: true,
      project: { select: { code: true, name: true, warning: true, leaderId: true } },
      noticeId: true,
      notice: { select: decisionNoticeSelect },
      problemId: true,
      problem: { select: decisionProblemSelect },
      title: true,
      reasons: true,
      minutes: true,
      decisionProblems: { select: decisionProblemSelect, orderBy: { createdAt: "asc" } },
      decisionNotices: { select: decisionNoticeSelect, orderBy: { issuedAt: "asc" } },
    },
  },
} as const satisfies Prisma.MeetingSelect;

type MeetingRow = Prisma.MeetingGetPayload<{ select: typeof meetingSelect }>;
type ProblemRow = Prisma.ProblemGetPayload<{ select: typeof decisionProblemSelect }>;
type NoticeRow = Prisma.SupervisionNoticeGetPayload<{ select: typeof decisionNoticeSelect }>;

const problemView = (p: ProblemRow) => ({
  id: p.id,
  title: p.title,
  state: p.state,
  level: p.level,
  category: p.category,
  dueDate: isoDate(p.dueDate),
  department: p.department,
  href: `/supervision/problems/${p.id}`,
});

const noticeView = (n: NoticeRow, names: ReadonlyMap<string, string>) => ({
  id: n.id,
  number: noticeNumber(n.year, n.seq),
  subject: n.subject,
  state: n.state,
  resolveDue: isoDate(n.resolveDue),
  owner: { id: n.leaderId, name: names.get(n.leaderId) ?? null },
  href: `/supervision/notices/${n.id}`,
});

/** A meeting as the API and the pages show it: header, attendees' names, agenda with minutes and decisions. */
export function toMeetingView(m: MeetingRow, names: ReadonlyMap<string, string>) {
  return {
    id: m.id,
    kind: m.kind,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    place: m.place,
    chairId: m.chairId,
    chair: { id: m.chairId, name: m.chair.displayName },
    attendeeIds: m.attendeeIds,
    attendees: m.attendeeIds.map((id) => ({ id, name: names.get(id) ?? null })),
    attendeesText: m.attendeesText,
    state: m.state,
    signedOffAt: m.signedOffAt?.toISOString() ?? null,
    signedOffBy: m.signedOffById ? { id: m.signedOffById, name: names.get(m.signedOffById) ?? null } : null,
    createdById: m.createdById,
    version: m.version,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    items: m.items.map((i) => ({
      id: i.id,
      position: i.position,
      kind: i.kind,
      projectId: i.projectId,
      project: i.project
        ? { id: i.projectId!, code: i.project.code, name: i.project.name, warning: i.project.warning }
        : null,
      noticeId: i.noticeId,
      notice: i.notice ? noticeView(i.notice, names) : null,
      problemId: i.problemId,
      problem: i.problem ? problemView(i.problem) : null,
      title: i.title,
      reasons: Array.isArray(i.reasons) ? (i.reasons as { code: string; message: string }[]) : [],
      minutes: i.minutes,
      decisions: {
        problems: i.decisionProblems.map(problemView),
        notices: i.decisionNotices.map((n) => noticeView(n, names)),
      },
    })),
  };
}
export type MeetingView = ReturnType<typeof toMeetingView>;

/** The meeting as it now is, with every name it shows in one query. */
export async function meetingView(db: Tx, id: string): Promise<MeetingView> {
  const m = await db.meeting.findUniqueOrThrow({ where: { id }, select: meetingSelect });
  const ids = new Set<string>([...m.attendeeIds, ...(m.signedOffById ? [m.signedOffById] : [])]);
  for (const i of m.items) for (const n of [...i.decisionNotices, ...(i.notice ? [i.notice] : [])]) ids.add(n.leaderId);
  const users = ids.size
    ? await db.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, displayName: true } })
    : [];
  return toMeetingView(m, new Map(users.map((u) => [u.id, u.displayName])));
}

/** Locks the meeting for the rest of the transaction (404 when the actor may not read it). */
export async function lockMeeting(tx: Tx, actor: Actor, id: string) {
  if (!(await lockRow(tx, "meetings", id))) throw new AppError("NOT_FOUND");
  const m = await tx.meeting.findFirst({
    where: { AND: [{ id }, visibleMeetings(actor)] },
    select: {
      id: true,
      kind: true,
      title: true,
      state: true,
      chairId: true,
      attendeeIds: true,
      version: true,
      items: { select: { id: true, minutes: true } },
    },
  });
  if (!m) throw new AppError("NOT_FOUND");
  return m;
}

/** The machine's facts of a locked meeting for this actor. */
export function meetingFacts(
  actor: Actor,
  m: { state: MeetingFacts["state"]; chairId: string; items: { minutes: string | null }[] },
  reason?: string | null,
): MeetingFacts {
  return {
    state: m.state,
    manager: can(actor.role, "meeting.manage"),
    chair: m.chairId === actor.id,
    hasMinutes: m.items.some((i) => !!i.minutes?.trim()),
    hasReason: !!reason?.trim(),
  };
}

/** The machine's answer, or the refusal it names (403 FORBIDDEN, 422 rule); the version checked between the two (409). */
export function enforceMeeting(
  verdict: MeetingVerdict,
  permission: string,
  version?: { current: number; sent: number },
) {
  if (!verdict.ok && verdict.rule === "FORBIDDEN") throw new AppError("FORBIDDEN", { params: { action: permission } });
  if (version) assertVersion(version.current, version.sent);
  if (verdict.ok) return verdict.next;
  throw new AppError(verdict.rule satisfies MeetingRule);
}

/** What an audit row keeps of a meeting (the header and the agenda as titles in order). */
export function meetingAudit(v: MeetingView) {
  return {
    kind: v.kind,
    title: v.title,
    startsAt: v.startsAt,
    place: v.place,
    chairId: v.chairId,
    attendeeIds: v.attendeeIds,
    attendeesText: v.attendeesText,
    state: v.state,
    items: v.items.map((i) => i.title),
    minutes: v.items.filter((i) => i.minutes).map((i) => `${i.title}：${i.minutes}`),
  };
}

export const meetingHref = (id: string) => `/supervision/meetings/${id}`;
