"use server";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { runAction } from "@/lib/auth/action";
import { resolveLocale } from "@/lib/i18n/config";
import { addDecision } from "@/lib/meetings/add-decision";
import { proposeAgenda } from "@/lib/meetings/agenda-proposal";
import { createMeeting } from "@/lib/meetings/create-meeting";
import type { MeetingView } from "@/lib/meetings/meeting-load";
import { signOffMeeting } from "@/lib/meetings/sign-off-meeting";
import { updateMeeting } from "@/lib/meetings/update-meeting";

const changed = (m: MeetingView) => {
  revalidatePath(`/supervision/meetings/${m.id}`);
  revalidatePath("/supervision/meetings");
  return { id: m.id, state: m.state, version: m.version };
};

export async function createMeetingAction(input: unknown) {
  return runAction("meeting.manage", async (actor) => changed(await createMeeting({ actor, input })));
}

export async function updateMeetingAction(meetingId: string, input: unknown) {
  return runAction("meeting.manage", async (actor) =>
    changed(await updateMeeting({ actor, meetingId: String(meetingId), input })),
  );
}

export async function addDecisionAction(meetingId: string, input: unknown) {
  return runAction("meeting.manage", async (actor) => {
    const res = await addDecision({ actor, meetingId: String(meetingId), input });
    return { type: res.type, ...changed(res.meeting) };
  });
}

/** The chair's sign-off (the chair may be any reader of meetings; the use-case checks it is them). */
export async function signOffMeetingAction(meetingId: string, input: unknown) {
  return runAction(undefined, async (actor) =>
    changed(await signOffMeeting({ actor, meetingId: String(meetingId), input })),
  );
}

export async function proposeAgendaAction(kind: string) {
  const locale = resolveLocale(await getLocale());
  return runAction("meeting.manage", async (actor) => proposeAgenda({ actor, kind, locale }));
}
