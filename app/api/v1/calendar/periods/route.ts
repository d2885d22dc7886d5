import { apiRoute, readJson } from "@/lib/api/handler";
import { saveHolidayPeriods } from "@/lib/permits/save-holiday-periods";

/**
 * `{"periods": [{"name", "from", "to", "workdays": ["YYYY-MM-DD", …]}]}`: holiday periods
 * (weekends inside stored with them) and their 调休 working days, in one transaction →
 * `{periods, days, dueDatesMoved}`.
 */
export const POST = apiRoute(async ({ actor, req }) => saveHolidayPeriods({ actor, input: await readJson(req) }));
