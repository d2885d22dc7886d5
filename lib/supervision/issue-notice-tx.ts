// No "server-only" marker: it works on the transaction it is given, so the demo seed (a plain
// Node script) issues its meeting's notice through this writer too. The app imports it from
// issue-notice.ts, which adds issueNotice (its own transaction, the server's client).
import type { Tx } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, can, type Actor } from "../auth/permissions";
import { addWorkingDays } from "../calendar/working-days";
import { shanghaiToday, storedDate } from "../dates";
import { AppError } from "../errors";
import { notify } from "../notifications/notify";
import { loadCalendar } from "../calendar/load-calendar";
import { withVisibleProjects } from "../projects/visibility";
import { parseInput } from "../validation";
import { checkIssue, noticeNumber } from "./notice-machine";
import { enforceNotice, noticeAudit, noticeHref, noticeView } from "./notice-load";
import { writeNoticeEvent } from "./notice-timeline";
import { recomputeWarning } from "./recompute-warning";
import { issueNoticeSchema } from "./schemas";
import { getSupervisionSettings } from "./settings";

/**
 * The next number of a year, gapless under concurrent issuing: the year's counter row is
 * created or incremented inside the issuing transaction, so it stays locked until that
 * transaction ends (a rolled-back issue gives its number back).
 */
async function nextNoticeSeq(tx: Tx, year: number): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    insert into notice_counters (year, last) values (${year}, 1)
    on conflict (year) do update set last = notice_counters.last + 1
    returning last`;
  return Number(rows[0].last);
}

/** Where a notice was decided: a meeting and the agenda item it was decided on (会议决定). */
export type NoticeLinks = { meetingId: string; agendaItemId: string };

/**
 * A manager issues a 督办通知 for a project to its leader in charge and its owner: what must
 * be done, and working days to reply and to resolve (督办规则's defaults, each at most its
 * longest, reply ≤ resolve). Numbered per year (督办〔2026〕12号); the recipients are notified.
 * Inside the caller's transaction (a meeting's decision issues its notice with the meeting's
 * other writes), linked to the meeting and agenda item it was decided on when given.
 */
export async function issueNoticeInTx(
  tx: Tx,
  { actor, input, links }: { actor: Actor; input: unknown; links?: NoticeLinks },
) {
  assertCan(actor, "notice.manage");
  const data = parseInput(issueNoticeSchema, input);
  const project = await tx.project.findFirst({
    where: withVisibleProjects(actor, { id: data.projectId }, "work"),
    select: { id: true, name: true, ownerId: true, leaderId: true },
  });
  if (!project) throw new AppError("NOT_FOUND");
  enforceNotice(
    checkIssue({ manager: can(actor.role, "notice.manage"), hasLeader: !!project.leaderId }),
    "notice.manage",
  );
  const settings = await getSupervisionSettings(tx);
  const replyDays = data.replyDays ?? settings.noticeReplyDays;
  const resolveDays = data.resolveDays ?? settings.noticeResolveDays;
  const max = settings.noticeMaxDays;
  const tooLong = { key: "validation.max", params: { max } };
  if (replyDays > max || resolveDays > max)
    throw new AppError("VALIDATION", {
      labels: "notice",
      fields: {
        ...(replyDays > max ? { replyDays: tooLong } : {}),
        ...(resolveDays > max ? { resolveDays: tooLong } : {}),
      },
    });
  if (replyDays > resolveDays)
    throw new AppError("VALIDATION", { labels: "notice", fields: { resolveDays: "validation.noticeDaysOrder" } });

  const cal = await loadCalendar(tx);
  const today = shanghaiToday();
  const year = Number(today.slice(0, 4));
  const seq = await nextNoticeSeq(tx, year);
  const row = await tx.supervisionNotice.create({
    data: {
      year,
      seq,
      projectId: project.id,
      subject: data.subject,
      content: data.content,
      issuedById: actor.id,
      leaderId: project.leaderId!,
      ownerId: project.ownerId,
      replyDays,
      resolveDays,
      replyDue: storedDate(addWorkingDays(cal, today, replyDays)),
      resolveDue: storedDate(addWorkingDays(cal, today, resolveDays)),
      meetingId: links?.meetingId ?? null,
      agendaItemId: links?.agendaItemId ?? null,
    },
    select: { id: true },
  });
  await writeNoticeEvent(tx, {
    noticeId: row.id,
    action: "ISSUED",
    fromState: null,
    toState: "ISSUED",
    actorId: actor.id,
    note: data.subject,
  });
  const view = await noticeView(tx, row.id, today);
  await writeAudit(tx, {
    actorId: actor.id,
    entityType: "SupervisionNotice",
    entityId: row.id,
    action: "issue",
    after: noticeAudit(view),
  });
  await notify(tx, {
    userIds: [project.leaderId, project.ownerId],
    kind: "noticeIssued",
    params: { number: noticeNumber(year, seq), project: project.name, subject: data.subject, due: view.replyDue },
    href: noticeHref(row.id),
    entity: { type: "SupervisionNotice", id: row.id },
  });
  await recomputeWarning(tx, project.id, { actorId: actor.id });
  return view;
}
