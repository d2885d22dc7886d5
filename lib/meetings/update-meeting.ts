import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { notifyMany, type NotifyInput } from "../notifications/notify";
import { parseInput } from "../validation";
import { checkMeetingAction } from "./meeting-machine";
import { checkPeople, existingItems, writeAgenda } from "./meeting-agenda";
import { enforceMeeting, lockMeeting, meetingAudit, meetingFacts, meetingHref, meetingView } from "./meeting-load";
import { meetingTimeText } from "./meeting-time";
import { updateMeetingSchema } from "./schemas";

/**
 * A manager changes a meeting (PATCH with `version`): header fields, and the whole ordered
 * agenda when `items` is given (reorder, edit titles and minutes, add, remove — an item with
 * decisions stays). Once the chair has signed the minutes, a change needs a reason, kept in
 * the audit row (action `update:afterSignOff`). The attendees are told of a new time, place
 * or chair; the chair, when minutes wait for their signature.
 */
export async function updateMeeting({ actor, meetingId, input }: { actor: Actor; meetingId: string; input: unknown }) {
  assertCan(actor, "meeting.manage");
  const data = parseInput(updateMeetingSchema, input);
  return getDb().$transaction(async (tx) => {
    const m = await lockMeeting(tx, actor, meetingId);
    enforceMeeting(checkMeetingAction("EDIT", meetingFacts(actor, m, data.reason)), "meeting.manage", {
      current: m.version,
      sent: data.version,
    });
    const before = await meetingView(tx, m.id);
    await checkPeople(tx, { chairId: data.chairId, attendeeIds: data.attendeeIds });
    if (data.items) await writeAgenda(tx, m.id, data.items, await existingItems(tx, m.id));
    await tx.meeting.update({
      where: { id: m.id },
      data: {
        kind: data.kind,
        title: data.title,
        startsAt: data.startsAt,
        place: data.place,
        chairId: data.chairId,
        attendeeIds: data.attendeeIds ? [...new Set(data.attendeeIds)] : undefined,
        attendeesText: data.attendeesText,
        version: { increment: 1 },
      },
    });
    const view = await meetingView(tx, m.id);
    const closed = m.state === "CLOSED";
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Meeting",
      entityId: m.id,
      action: closed ? "update:afterSignOff" : "update",
      before: meetingAudit(before),
      after: { ...meetingAudit(view), ...(closed ? { reason: data.reason } : {}) },
    });

    const events: NotifyInput[] = [];
    const rescheduled =
      view.startsAt !== before.startsAt || view.place !== before.place || view.chairId !== before.chairId;
    const params = { meeting: view.title, time: meetingTimeText(view.startsAt), place: view.place ?? "—" };
    const entity = { type: "Meeting", id: m.id };
    if (!closed && rescheduled)
      events.push({
        userIds: [view.chairId, ...view.attendeeIds].filter((u) => u !== actor.id),
        kind: "meetingChanged",
        params,
        href: meetingHref(m.id),
        entity,
      });
    const added = view.attendeeIds.filter((u) => !before.attendeeIds.includes(u) && u !== view.chairId);
    if (!closed && !rescheduled && added.length)
      events.push({ userIds: added, kind: "meetingScheduled", params, href: meetingHref(m.id), entity });
    const minutesBefore = JSON.stringify(before.items.map((i) => i.minutes));
    const minutesNow = JSON.stringify(view.items.map((i) => i.minutes));
    if (!closed && minutesNow !== minutesBefore && view.items.some((i) => i.minutes) && view.chairId !== actor.id)
      events.push({
        userIds: [view.chairId],
        kind: "meetingMinutes",
        params,
        href: meetingHref(m.id),
        entity,
        // One reminder per version of the minutes is enough; the inbox keeps the latest.
        dedupeKey: `meetingMinutes:${m.id}:${view.version}`,
      });
    await notifyMany(tx, events);
    return view;
  });
}
