import { apiRoute, readJson } from "@/lib/api/handler";
import { getPermitCase, updateApplication } from "@/lib/permits/cases";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => getPermitCase({ actor, id: params.id }));

/** The application (一表申请) with `version`: while a draft, or while an item waits for 补正. */
export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, req, locale }) =>
  updateApplication({ actor, caseId: params.id, input: await readJson(req, locale) }),
);
