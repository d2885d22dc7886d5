import { apiRoute, readJson } from "@/lib/api/handler";
import { updateUser } from "@/lib/users/update-user";

export const PATCH = apiRoute<{ id: string }>(async ({ actor, req, params }) =>
  updateUser({ actor, id: params.id, input: await readJson(req) }),
);
