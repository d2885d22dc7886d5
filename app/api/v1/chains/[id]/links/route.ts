import { apiRoute, readJson } from "@/lib/api/handler";
import { createLink } from "@/lib/chains/links";

/** `{"name", "position": "UPSTREAM"|"MIDSTREAM"|"DOWNSTREAM", "parentId", "targetCount", "importance"}` → 201 */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  Response.json(await createLink({ actor, chainId: params.id, input: await readJson(req) }), { status: 201 }),
);
