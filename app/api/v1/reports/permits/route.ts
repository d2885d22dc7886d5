import { apiRoute } from "@/lib/api/handler";
import { permitReport } from "@/lib/permits/reports";

/** ?year= → cycle times per permit type and department, overdue rate, returns, cases by state, fast-track share. */
export const GET = apiRoute(async ({ actor, url }) =>
  permitReport({ actor, query: Object.fromEntries(url.searchParams) }),
);
