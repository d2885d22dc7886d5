// No "server-only" marker: it works on the transaction it is given (no client, no secrets), so
// the demo seed (a plain Node script) writes through it too.
import type { Tx } from "../db";
import type { NoticeState } from "./notice-machine";

export type NoticeEventAction =
  | "ISSUED"
  | "REPLIED"
  | "ACCEPTED"
  | "REJECTED"
  | "CLOSED"
  | "EXTENSION_REQUESTED"
  | "EXTENSION_GRANTED"
  | "EXTENSION_REFUSED";

/** The one writer of a notice's timeline (notice_events): one step, its states, by whom, with its note. */
export async function writeNoticeEvent(
  tx: Tx,
  e: {
    noticeId: string;
    action: NoticeEventAction;
    fromState: NoticeState | null;
    toState: NoticeState;
    actorId: string | null;
    note?: string | null;
    /** When it happened, if not now (the demo's past notices). */
    at?: Date;
  },
) {
  await tx.noticeEvent.create({
    data: {
      noticeId: e.noticeId,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      actorId: e.actorId,
      note: e.note ?? null,
      ...(e.at ? { at: e.at } : {}),
    },
  });
}

/** A notice's timeline, oldest first, with who did each step (the caller checked the notice is visible). */
export async function readNoticeEvents(db: Tx, noticeId: string) {
  const rows = await db.noticeEvent.findMany({ where: { noticeId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  const ids = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } });
  const name = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((r) => ({
    id: r.id,
    action: r.action as NoticeEventAction,
    fromState: r.fromState,
    toState: r.toState,
    note: r.note,
    at: r.at.toISOString(),
    by: r.actorId ? (name.get(r.actorId) ?? null) : null,
  }));
}
