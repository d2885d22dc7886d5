import { apiRoute, readJson } from "@/lib/api/handler";
import { signOffMeeting } from "@/lib/meetings/sign-off-meeting";

/** `{"version"}` by the chair → the meeting, CLOSED (403 for anyone else). */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  signOffMeeting({ actor, meetingId: params.id, input: await readJson(req) }),
);
