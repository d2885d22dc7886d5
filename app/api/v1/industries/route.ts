import { apiRoute, readJson } from "@/lib/api/handler";
import { createIndustry, listIndustries } from "@/lib/chains/industries";

export const GET = apiRoute(async ({ actor }) => ({ items: await listIndustries({ actor }) }));
/** `{"code", "name", "kind": "TOP_TEN"|"CLUSTER", "sortOrder"}` → 201 */
export const POST = apiRoute(async ({ actor, req }) =>
  Response.json(await createIndustry({ actor, input: await readJson(req) }), { status: 201 }),
);
