import { apiRoute } from "@/lib/api/handler";
import { downloadResponse } from "@/lib/api/download";
import { exportProblems } from "@/lib/problems/problem-export";

/** The filtered list (the list's query, without paging) as .xlsx: 要素保障问题_<filters>_<date>.xlsx. */
export const GET = apiRoute(async ({ actor, url, locale }) => {
  const file = await exportProblems({ actor, query: Object.fromEntries(url.searchParams), locale });
  return downloadResponse(file.body, file);
});
