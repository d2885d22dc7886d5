import { apiRoute, readJson } from "@/lib/api/handler";
import { updateChain } from "@/lib/chains/chains";

export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  updateChain({ actor, id: params.id, input: await readJson(req) }),
);
