import { apiRoute } from "@/lib/api/handler";
import { dashboard } from "@/lib/reports/dashboard";

/** ?year= (2000–2100) → 三个一批 against targets, colours, problems, notices, permits, funnel, splits, monthly, 红黑榜. */
export const GET = apiRoute(async ({ actor, url }) =>
  dashboard({ actor, query: Object.fromEntries(url.searchParams) }),
);
