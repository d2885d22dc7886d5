import { apiRoute, readJson } from "@/lib/api/handler";
import { resubmitPermitItem } from "@/lib/permits/resubmit-permit-item";

/** `{"note", "version"}`: the applicant has supplied what was missing (补正). */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  resubmitPermitItem({ actor, itemId: params.id, input: await readJson(req) }),
);
