import { apiRoute } from "@/lib/api/handler";
import { downloadResponse } from "@/lib/api/download";
import { exportIncentiveReport } from "@/lib/incentives/report";

/** The totals as .xlsx. */
export const GET = apiRoute(async ({ actor, locale }) => {
  const file = await exportIncentiveReport({ actor, locale });
  return downloadResponse(file.body, file);
});
