import { apiRoute, readJson } from "@/lib/api/handler";
import { moveProjectStage } from "@/lib/projects/move-stage";

export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  moveProjectStage({ actor, projectId: params.id, input: await readJson(req) }),
);
