import { apiRoute } from "@/lib/api/handler";
import { listPermitCases } from "@/lib/permits/queries";

/** ?state=&department=&fastTrack=&overdue=&q=&page=&pageSize= → {items, total, page, pageSize} */
export const GET = apiRoute(async ({ actor, url }) =>
  listPermitCases({ actor, query: Object.fromEntries(url.searchParams) }),
);
