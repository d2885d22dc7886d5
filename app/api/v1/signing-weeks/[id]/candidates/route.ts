import { apiRoute, readJson } from "@/lib/api/handler";
import { addCandidate } from "@/lib/signing-weeks/signing-weeks";

/** `{"projectId", "proposed"?, "version"}` → 201; 422 RULE_SIGNING_WEEK_NOT_NEGOTIATING for a project not in negotiation. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  Response.json(await addCandidate({ actor, id: params.id, input: await readJson(req) }), { status: 201 }),
);
