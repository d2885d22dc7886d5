import { apiRoute, readJson } from "@/lib/api/handler";
import { mergeEnterprises } from "@/lib/enterprises/merge";

/** `{"sourceId", "sourceVersion", "targetVersion"}`: folds the source enterprise into this one. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  mergeEnterprises({ actor, targetId: params.id, input: await readJson(req) }),
);
