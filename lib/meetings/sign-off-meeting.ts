import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import type { Actor } from "../auth/permissions";
import { notify } from "../notifications/notify";
import { parseInput } from "../validation";
import { checkMeetingAction } from "./meeting-machine";
import { enforceMeeting, lockMeeting, meetingFacts, meetingHref, meetingView } from "./meeting-load";
import { meetingTimeText } from "./meeting-time";
import { signOffMeetingSchema } from "./schemas";

/**
 * The chair signs the minutes (POST …/sign-off `{version}`): the meeting is CLOSED, with who
 * signed and when; anyone else is refused (403), and minutes must have been written (422).
 * The attendees are told the minutes are final.
 */
export async function signOffMeeting({ actor, meetingId, input }: { actor: Actor; meetingId: string; input: unknown }) {
  const data = parseInput(signOffMeetingSchema, input);
  return getDb().$transaction(async (tx) => {
    const m = await lockMeeting(tx, actor, meetingId);
    const next = enforceMeeting(checkMeetingAction("SIGN_OFF", meetingFacts(actor, m)), "meeting.signOff", {
      current: m.version,
      sent: data.version,
    });
    await tx.meeting.update({
      where: { id: m.id },
      data: { state: next, signedOffAt: new Date(), signedOffById: actor.id, version: { increment: 1 } },
    });
    const view = await meetingView(tx, m.id);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Meeting",
      entityId: m.id,
      action: "signOff",
      before: { state: m.state },
      after: { state: view.state, signedOffAt: view.signedOffAt },
    });
    await notify(tx, {
      userIds: view.attendeeIds.filter((u) => u !== actor.id),
      kind: "meetingSignedOff",
      params: { meeting: view.title, time: meetingTimeText(view.startsAt), chair: actor.displayName },
      href: meetingHref(m.id),
      entity: { type: "Meeting", id: m.id },
    });
    return view;
  });
}
