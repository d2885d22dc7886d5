import { apiRoute } from "@/lib/api/handler";
import { downloadResponse } from "@/lib/api/download";
import { exportBulletin } from "@/lib/bulletins/export";

/** The bulletin as .xlsx, one sheet per section (周通报_2026-11-16至2026-11-22.xlsx). */
export const GET = apiRoute<{ id: string }>(async ({ actor, params, locale }) => {
  const file = await exportBulletin({ actor, id: params.id, locale });
  return downloadResponse(file.body, file);
});
