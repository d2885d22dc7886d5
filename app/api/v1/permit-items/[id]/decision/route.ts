import { apiRoute, readJson } from "@/lib/api/handler";
import { decidePermitItem } from "@/lib/permits/decide-permit-item";

/** `{"action": "APPROVE"|"RETURN"|"REJECT", "version", ...}` → the case. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  decidePermitItem({ actor, itemId: params.id, input: await readJson(req) }),
);
