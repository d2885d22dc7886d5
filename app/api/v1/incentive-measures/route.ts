import { apiRoute, readJson } from "@/lib/api/handler";
import { createMeasure, listMeasures } from "@/lib/incentives/measures";

/** Every incentive measure (active first). */
export const GET = apiRoute(async ({ actor }) => listMeasures({ actor }));

/** `{"name", "category", "field", "tiers": [{"from", "to", "rate"}], "threshold", "cap", "years", "validFrom", "validTo"}` → 201. */
export const POST = apiRoute(async ({ actor, req }) =>
  Response.json(await createMeasure({ actor, input: await readJson(req) }), { status: 201 }),
);
