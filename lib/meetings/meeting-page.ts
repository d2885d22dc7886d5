import "server-only";
import { getDb } from "../db";
import { can, type Actor } from "../auth/permissions";
import { getSupervisionSettings } from "../supervision/settings";
import { meetingFacts } from "./meeting-load";
import { checkMeetingAction } from "./meeting-machine";
import { meetingFormOptions } from "./meeting-options";
import { getMeeting } from "./meeting-queries";
import { meetingTimeInput } from "./meeting-time";

/**
 * Everything the meeting page shows and its forms choose from: the meeting, whether the
 * reader manages it or chairs it, the people, the departments, the agenda's projects (for
 * decisions on free-text items) and 督办规则's notice days.
 */
export async function meetingPage({ actor, id }: { actor: Actor; id: string }) {
  const meeting = await getMeeting({ actor, id });
  const manager = can(actor.role, "meeting.manage");
  const [options, settings] = await Promise.all([
    meetingFormOptions({ actor }),
    manager ? getSupervisionSettings(getDb()) : null,
  ]);
  const projects = [
    ...new Map(meeting.items.filter((i) => i.project).map((i) => [i.project!.id, i.project!.name])).entries(),
  ].map(([pid, name]) => ({ id: pid, name }));
  return {
    meeting,
    manager,
    chair: meeting.chairId === actor.id,
    /** The chair may sign the minutes off now (the machine: minutes written, not yet signed). */
    signOff: checkMeetingAction("SIGN_OFF", meetingFacts(actor, meeting)).ok,
    options,
    decisionOptions: {
      departments: options.departments,
      projects,
      noticeDays: { reply: settings?.noticeReplyDays ?? 3, resolve: settings?.noticeResolveDays ?? 15 },
    },
    editor: {
      id: meeting.id,
      state: meeting.state,
      version: meeting.version,
      kind: meeting.kind,
      title: meeting.title,
      startsAt: meetingTimeInput(meeting.startsAt),
      place: meeting.place ?? "",
      chairId: meeting.chairId,
      attendeeIds: meeting.attendeeIds,
      attendeesText: meeting.attendeesText ?? "",
      items: meeting.items.map((i) => ({
        id: i.id,
        kind: i.kind,
        projectId: i.projectId ?? undefined,
        noticeId: i.noticeId ?? undefined,
        problemId: i.problemId ?? undefined,
        title: i.title,
        reasons: i.reasons,
        minutes: i.minutes ?? "",
        decisions: i.decisions,
      })),
    },
  };
}
