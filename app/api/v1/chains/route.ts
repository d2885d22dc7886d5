import { apiRoute, readJson } from "@/lib/api/handler";
import { createChain } from "@/lib/chains/manage";
import { listChains } from "@/lib/chains/queries";

/** → {"items": [{id, name, industry, completeness, …}]} */
export const GET = apiRoute(async ({ actor }) => ({ items: await listChains({ actor }) }));
export const POST = apiRoute(async ({ actor, req, locale }) =>
  Response.json(await createChain({ actor, input: await readJson(req, locale) }), { status: 201 }),
);
