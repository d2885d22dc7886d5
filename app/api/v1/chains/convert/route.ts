import { apiRoute, readJson } from "@/lib/api/handler";
import { convertTargetToLead } from "@/lib/chains/convert-target";

/** `{"linkId", "enterpriseId"}`: the target becomes a lead on the link → 201 (new) or 200 (already a lead). */
export const POST = apiRoute(async ({ actor, req }) => {
  const r = await convertTargetToLead({ actor, input: await readJson(req) });
  return Response.json(r, { status: r.created ? 201 : 200 });
});
