import { apiRoute, readJson } from "@/lib/api/handler";
import { resubmitPermitItem } from "@/lib/permits/decisions";

/** `{"note", "version"}`: the applicant has supplied what was missing (补正). */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req, locale }) =>
  resubmitPermitItem({ actor, itemId: params.id, input: await readJson(req, locale) }),
);
