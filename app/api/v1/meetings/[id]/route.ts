import { apiRoute, readJson } from "@/lib/api/handler";
import { getMeeting } from "@/lib/meetings/meeting-queries";
import { updateMeeting } from "@/lib/meetings/update-meeting";

/** The meeting with its agenda, minutes, decisions (problems and notices with their state) and attendees' names. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => getMeeting({ actor, id: params.id }));

/** Header fields and/or the whole ordered agenda `items`, with `version`; after sign-off with `reason`. */
export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  updateMeeting({ actor, meetingId: params.id, input: await readJson(req) }),
);
