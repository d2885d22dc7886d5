import { apiRoute, readJson } from "@/lib/api/handler";
import { getPermitCase } from "@/lib/permits/queries";
import { updateApplication } from "@/lib/permits/update-application";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => getPermitCase({ actor, id: params.id }));

/** The application (一表申请) with `version`: while a draft, or while an item waits for 补正. */
export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  updateApplication({ actor, caseId: params.id, input: await readJson(req) }),
);
