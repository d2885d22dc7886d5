import { apiRoute, readJson } from "@/lib/api/handler";
import { listCalendarDays, saveCalendarDay } from "@/lib/permits/calendar";

/** ?year= → the holidays and 调休 working days of the year. */
export const GET = apiRoute(async ({ actor, url }) =>
  listCalendarDays({ actor, query: Object.fromEntries(url.searchParams) }),
);
/** `{"date", "kind": "HOLIDAY"|"WORKDAY", "name"}`: adds or changes a day; open items' due dates follow. */
export const POST = apiRoute(async ({ actor, req }) => saveCalendarDay({ actor, input: await readJson(req) }));
