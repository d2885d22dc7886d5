import { apiRoute, readJson } from "@/lib/api/handler";
import { submitPermitCase } from "@/lib/permits/submit-permit-case";

/** `{"version"}`: sends every item to its department at once. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  submitPermitCase({ actor, caseId: params.id, input: await readJson(req) }),
);
