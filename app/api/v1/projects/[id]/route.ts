import { apiRoute, readJson } from "@/lib/api/handler";
import { getProject } from "@/lib/projects/queries";
import { updateProject } from "@/lib/projects/update-project";

export const GET = apiRoute<{ id: string }>(
  async ({ actor, params, locale }) => (await getProject({ actor, id: params.id, locale })).project,
);

export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  updateProject({ actor, id: params.id, input: await readJson(req) }),
);
