import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteLink, updateLink } from "@/lib/chains/links";

export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  updateLink({ actor, id: params.id, input: await readJson(req) }),
);
export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => deleteLink({ actor, id: params.id }));
