import { apiRoute, readJson } from "@/lib/api/handler";
import { updatePermitType } from "@/lib/permits/permit-types";

export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  updatePermitType({ actor, id: params.id, input: await readJson(req) }),
);
