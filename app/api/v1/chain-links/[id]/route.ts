import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteLink, updateLink } from "@/lib/chains/manage";

export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, req, locale }) =>
  updateLink({ actor, id: params.id, input: await readJson(req, locale) }),
);
export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => deleteLink({ actor, id: params.id }));
