import { apiRoute } from "@/lib/api/handler";
import { problemStats } from "@/lib/problems/problem-stats";

/** The list's filters → {resolved, averageDays, medianDays, byCategory, byDepartment} (working days). */
export const GET = apiRoute(async ({ actor, url }) =>
  problemStats({ actor, query: Object.fromEntries(url.searchParams) }),
);
