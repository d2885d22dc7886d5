import "server-only";
import type { Tx } from "../db";
import type { Actor } from "../auth/permissions";
import { shanghaiToday } from "../dates";
import { notify } from "../notifications/notify";
import { loadCalendar } from "../calendar/load-calendar";
import { writeAudit } from "../audit/log";
import type { NoticeState } from "./notice-machine";
import { lockNotice, noticeAudit, noticeFacts, noticeHref, noticeView, type NoticeView } from "./notice-load";
import { writeNoticeEvent, type NoticeEventAction } from "./notice-timeline";
import { recomputeWarning } from "./recompute-warning";

/**
 * What every change of a notice starts with inside its transaction: the notice locked (404
 * when the actor may not see it), the calendar, today, and the machine's facts.
 */
export async function beginNoticeChange(tx: Tx, actor: Actor, id: string) {
  const n = await lockNotice(tx, { actor, id });
  const cal = await loadCalendar(tx);
  const today = shanghaiToday();
  return { n, cal, today, facts: noticeFacts(actor, n, cal, today) };
}

/**
 * And what it ends with, in the same transaction: the step on the notice's timeline (from its
 * state before to `next`), the audit row (with `before` when the step changed what it shows),
 * the people concerned told (`to`), and the project's colour recomputed (an overdue notice
 * turns it RED; a closed one no longer does). Answers the notice as it now is.
 */
export async function endNoticeChange(
  tx: Tx,
  {
    actor,
    n,
    next,
    today,
    event,
    note = null,
    audit,
    before,
    to,
    kind,
    params = {},
  }: {
    actor: Actor;
    n: { id: string; state: NoticeState };
    next: NoticeState;
    today: string;
    event: NoticeEventAction;
    note?: string | null;
    audit: string;
    before?: unknown;
    to: (string | null)[];
    kind: string;
    params?: Record<string, string | number> | ((view: NoticeView) => Record<string, string | number>);
  },
): Promise<NoticeView> {
  await writeNoticeEvent(tx, {
    noticeId: n.id,
    action: event,
    fromState: n.state,
    toState: next,
    actorId: actor.id,
    note,
  });
  const view = await noticeView(tx, n.id, today);
  await writeAudit(tx, {
    actorId: actor.id,
    entityType: "SupervisionNotice",
    entityId: n.id,
    action: audit,
    before,
    after: noticeAudit(view),
  });
  await notify(tx, {
    userIds: to.filter((u) => u !== actor.id),
    kind,
    params: {
      number: view.number,
      project: view.projectName,
      subject: view.subject,
      ...(typeof params === "function" ? params(view) : params),
    },
    href: noticeHref(view.id),
    entity: { type: "SupervisionNotice", id: view.id },
  });
  await recomputeWarning(tx, view.projectId, { actorId: actor.id });
  return view;
}
