import { apiRoute } from "@/lib/api/handler";
import { downloadResponse } from "@/lib/api/download";
import { exportSigningWeek } from "@/lib/signing-weeks/export";

/** The summary and the list as .xlsx. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params, locale }) => {
  const file = await exportSigningWeek({ actor, id: params.id, locale });
  return downloadResponse(file.body, file);
});
