import { apiRoute } from "@/lib/api/handler";
import { downloadResponse } from "@/lib/api/download";
import { exportProjects } from "@/lib/projects/export";

/** The grid view of the query as .xlsx, named by its filters and date (招商项目_签约_2026-11-27.xlsx). */
export const GET = apiRoute(async ({ actor, url, locale }) => {
  const file = await exportProjects({ actor, query: Object.fromEntries(url.searchParams), locale });
  return downloadResponse(file.body, file);
});
