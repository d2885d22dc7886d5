import { apiRoute } from "@/lib/api/handler";
import { calendarGaps } from "@/lib/permits/calendar";

/** The years open permit items run through that have no holidays entered: `{"items": [{"year", "items"}]}`. */
export const GET = apiRoute(async ({ actor }) => ({ items: await calendarGaps({ actor }) }));
