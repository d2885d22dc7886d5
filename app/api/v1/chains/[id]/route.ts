import { apiRoute, readJson } from "@/lib/api/handler";
import { updateChain } from "@/lib/chains/manage";

export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, req, locale }) =>
  updateChain({ actor, id: params.id, input: await readJson(req, locale) }),
);
