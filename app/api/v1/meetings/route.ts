import { apiRoute, readJson } from "@/lib/api/handler";
import { createMeeting } from "@/lib/meetings/create-meeting";
import { listMeetings } from "@/lib/meetings/meeting-queries";

/** ?kind=&from=&to=&page=&pageSize= → {items, total, page, pageSize}: planned first (soonest first), then held. */
export const GET = apiRoute(async ({ actor, url }) =>
  listMeetings({ actor, query: Object.fromEntries(url.searchParams) }),
);

/** `{"kind", "title", "startsAt", "place", "chairId", "attendeeIds", "attendeesText", "items"}` → 201 the meeting. */
export const POST = apiRoute(async ({ actor, req }) =>
  Response.json(await createMeeting({ actor, input: await readJson(req) }), { status: 201 }),
);
