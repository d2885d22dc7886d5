import { apiRoute } from "@/lib/api/handler";
import { getProjectIncentives } from "@/lib/incentives/grants";

/** `{"items": [{measureId, name, category, qualifies, reason: {code, message}, amount, granted, byYear: [{year, amount, granted}]}], "total", "granted"}`. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params, locale }) =>
  getProjectIncentives({ actor, projectId: params.id, locale }),
);
