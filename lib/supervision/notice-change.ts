import "server-only";
import type { Tx } from "../db";
import type { Actor } from "../auth/permissions";
import { shanghaiToday } from "../dates";
import { notify } from "../notifications/notify";
import { loadCalendar } from "../permits/calendar";
import { lockNotice, noticeFacts, noticeHref, type NoticeView } from "./notice-load";
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
 * And what it ends with, in the same transaction: the people concerned told (`to`), and the
 * project's colour recomputed (an overdue notice turns it RED; a closed one no longer does).
 */
export async function endNoticeChange(
  tx: Tx,
  {
    actor,
    view,
    to,
    kind,
    params = {},
  }: {
    actor: Actor;
    view: NoticeView;
    to: (string | null)[];
    kind: string;
    params?: Record<string, string | number>;
  },
) {
  await notify(tx, {
    userIds: to.filter((u) => u !== actor.id),
    kind,
    params: { number: view.number, project: view.projectName, subject: view.subject, ...params },
    href: noticeHref(view.id),
    entity: { type: "SupervisionNotice", id: view.id },
  });
  await recomputeWarning(tx, view.projectId, { actorId: actor.id });
  return view;
}
