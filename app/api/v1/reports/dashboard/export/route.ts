import { apiRoute } from "@/lib/api/handler";
import { downloadResponse } from "@/lib/api/download";
import { exportDashboardTable } from "@/lib/reports/dashboard-export";

/** ?year=&table= → one of the dashboard's tables as .xlsx. */
export const GET = apiRoute(async ({ actor, url, locale }) => {
  const file = await exportDashboardTable({ actor, query: Object.fromEntries(url.searchParams), locale });
  return downloadResponse(file.body, file);
});
