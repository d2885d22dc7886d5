import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { notify } from "../notifications/notify";
import { parseInput } from "../validation";
import { checkPeople, writeAgenda } from "./meeting-agenda";
import { meetingAudit, meetingHref, meetingView } from "./meeting-load";
import { meetingTimeText } from "./meeting-time";
import { createMeetingSchema } from "./schemas";

/**
 * A manager schedules a 协调会 or 月例会: kind, title, time, place, chair, attendees (users
 * and free text) and, optionally, its agenda (the page fills it from the proposal). The chair
 * and the attendees are told.
 */
export async function createMeeting({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "meeting.manage");
  const data = parseInput(createMeetingSchema, input);
  return getDb().$transaction(async (tx) => {
    await checkPeople(tx, { chairId: data.chairId, attendeeIds: data.attendeeIds });
    const row = await tx.meeting.create({
      data: {
        kind: data.kind,
        title: data.title,
        startsAt: data.startsAt,
        place: data.place ?? null,
        chairId: data.chairId,
        attendeeIds: [...new Set(data.attendeeIds)],
        attendeesText: data.attendeesText ?? null,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await writeAgenda(tx, row.id, data.items, []);
    const view = await meetingView(tx, row.id);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Meeting",
      entityId: row.id,
      action: "create",
      after: meetingAudit(view),
    });
    await notify(tx, {
      userIds: [view.chairId, ...view.attendeeIds].filter((u) => u !== actor.id),
      kind: "meetingScheduled",
      params: { meeting: view.title, time: meetingTimeText(view.startsAt), place: view.place ?? "—" },
      href: meetingHref(row.id),
      entity: { type: "Meeting", id: row.id },
    });
    return view;
  });
}
