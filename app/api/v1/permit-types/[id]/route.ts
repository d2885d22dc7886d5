import { apiRoute, readJson } from "@/lib/api/handler";
import { updatePermitType } from "@/lib/permits/types";

export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, req, locale }) =>
  updatePermitType({ actor, id: params.id, input: await readJson(req, locale) }),
);
