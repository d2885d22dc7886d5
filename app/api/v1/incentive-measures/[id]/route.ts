import { apiRoute, readJson } from "@/lib/api/handler";
import { updateMeasure } from "@/lib/incentives/measures";

/** Any of the measure's fields and/or `active` (false deactivates), with `version` (409 when stale). */
export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  updateMeasure({ actor, id: params.id, input: await readJson(req) }),
);
