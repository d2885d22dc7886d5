import { apiRoute, readJson } from "@/lib/api/handler";
import { updateIndustry } from "@/lib/chains/industries";

export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  updateIndustry({ actor, id: params.id, input: await readJson(req) }),
);
