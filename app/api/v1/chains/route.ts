import { apiRoute, readJson } from "@/lib/api/handler";
import { createChain } from "@/lib/chains/chains";
import { listChains } from "@/lib/chains/queries";

/** → {"items": [{id, name, industry, completeness, …}]} */
export const GET = apiRoute(async ({ actor }) => ({ items: await listChains({ actor }) }));
export const POST = apiRoute(async ({ actor, req }) =>
  Response.json(await createChain({ actor, input: await readJson(req) }), { status: 201 }),
);
