import "server-only";
import { getDb, type Prisma } from "../db";
import { assertCan, can, type Actor } from "../auth/permissions";
import { shanghaiToday } from "../dates";
import { AppError } from "../errors";
import { loadCalendar } from "../calendar/load-calendar";
import { parseInput } from "../validation";
import { overdueNoticesWhere } from "./notice-overdue";
import { checkNoticeAction, type NoticeAction } from "./notice-machine";
import { noticeFacts, noticeSelect, noticeUserNames, toNoticeView, visibleNotices } from "./notice-load";
import { readNoticeEvents } from "./notice-timeline";
import { listNoticesSchema } from "./schemas";

export { overdueNoticesWhere } from "./notice-overdue";

/** The notices waiting for this actor: a reply from its recipients; a decision or a close from managers. */
function todoWhere(actor: Actor): Prisma.SupervisionNoticeWhereInput {
  const or: Prisma.SupervisionNoticeWhereInput[] = [];
  if (can(actor.role, "notice.reply"))
    or.push({ state: "ISSUED", OR: [{ leaderId: actor.id }, { ownerId: actor.id }] });
  if (can(actor.role, "notice.manage"))
    or.push({ state: { not: "CLOSED" }, OR: [{ state: "REPLIED" }, { extension: "REQUESTED" }] });
  return or.length ? { OR: or } : { id: { in: [] } };
}

/**
 * The notices the actor may see, with filters (state, overdue, project, mine, todo, text).
 * Recipients see what waits for their reply first (ISSUED, nearest deadline first); managers
 * the newest first.
 */
export async function listNotices({ actor, query }: { actor: Actor; query: unknown }) {
  assertCan(actor, "supervision.read");
  const q = parseInput(listNoticesSchema, query);
  const today = shanghaiToday();
  const and: Prisma.SupervisionNoticeWhereInput[] = [visibleNotices(actor)];
  if (q.state) and.push({ state: q.state });
  if (q.projectId) and.push({ projectId: q.projectId });
  if (q.overdue === true) and.push(overdueNoticesWhere(today));
  if (q.overdue === false) and.push({ NOT: overdueNoticesWhere(today) });
  if (q.mine) and.push({ OR: [{ leaderId: actor.id }, { ownerId: actor.id }, { issuedById: actor.id }] });
  if (q.todo) and.push(todoWhere(actor));
  if (q.q)
    and.push({
      OR: [
        { subject: { contains: q.q, mode: "insensitive" } },
        { project: { name: { contains: q.q, mode: "insensitive" } } },
        { project: { code: { contains: q.q, mode: "insensitive" } } },
      ],
    });
  const where = { AND: and };
  const orderBy: Prisma.SupervisionNoticeOrderByWithRelationInput[] = can(actor.role, "notice.readAll")
    ? [{ issuedAt: "desc" }, { id: "asc" }]
    : [{ state: "asc" }, { replyDue: "asc" }, { issuedAt: "desc" }, { id: "asc" }];
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.supervisionNotice.findMany({
      where,
      select: noticeSelect,
      orderBy,
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.supervisionNotice.count({ where }),
  ]);
  const names = await noticeUserNames(db, rows);
  const todo = new Set(
    (
      await db.supervisionNotice.findMany({
        where: { AND: [{ id: { in: rows.map((r) => r.id) } }, todoWhere(actor)] },
        select: { id: true },
      })
    ).map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({ ...toNoticeView(r, names, today), todo: todo.has(r.id) })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One notice the actor may see; else 404. */
export async function getNotice({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "supervision.read");
  const db = getDb();
  const row = await db.supervisionNotice.findFirst({
    where: { id, AND: [visibleNotices(actor)] },
    select: noticeSelect,
  });
  if (!row) throw new AppError("NOT_FOUND");
  return { row, view: toNoticeView(row, await noticeUserNames(db, [row]), shanghaiToday()) };
}

/** The notice page: the notice, its timeline, and what this reader may do (the use-cases ask the machine again). */
export async function noticePage({ actor, id }: { actor: Actor; id: string }) {
  const { row, view } = await getNotice({ actor, id });
  const db = getDb();
  const [events, cal] = await Promise.all([readNoticeEvents(db, id), loadCalendar(db)]);
  const facts = noticeFacts(actor, row, cal, shanghaiToday());
  const may = (a: NoticeAction) => checkNoticeAction(a, facts).ok;
  // Evidence a reply may link: the project's attachments not yet linked to anything.
  const evidence = may("REPLY")
    ? await db.attachment.findMany({
        where: { projectId: row.projectId, noticeId: null, permitCaseId: null, progressEntryId: null },
        orderBy: { createdAt: "desc" },
        take: 50,
        select: { id: true, fileName: true, size: true, createdAt: true },
      })
    : [];
  return {
    notice: view,
    events,
    evidence: evidence.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    allowed: {
      reply: may("REPLY"),
      accept: may("ACCEPT"),
      reject: may("REJECT"),
      close: may("CLOSE"),
      // Closing is refused without evidence: the page says why instead of offering it.
      closeBlockedByEvidence: facts.manager && facts.state === "REPLIED" && !facts.hasEvidence,
      requestExtension: may("REQUEST_EXTENSION"),
      decideExtension: may("DECIDE_EXTENSION"),
    },
  };
}
export type NoticePage = Awaited<ReturnType<typeof noticePage>>;
