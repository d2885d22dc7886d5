import { apiRoute } from "@/lib/api/handler";
import { deleteCalendarDay } from "@/lib/permits/calendar";

export const DELETE = apiRoute<{ date: string }>(async ({ actor, params }) =>
  deleteCalendarDay({ actor, date: params.date }),
);
