import { apiRoute, readJson } from "@/lib/api/handler";
import { resetPassword } from "@/lib/users/update-user";

export const POST = apiRoute<{ id: string }>(async ({ actor, req, params }) =>
  resetPassword({ actor, id: params.id, input: await readJson(req) }),
);
