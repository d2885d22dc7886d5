import { apiRoute, readJson } from "@/lib/api/handler";
import { addActivity, listActivities } from "@/lib/projects/activities";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({
  items: await listActivities({ actor, projectId: params.id }),
}));

export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) => {
  const activity = await addActivity({ actor, projectId: params.id, input: await readJson(req) });
  return Response.json(activity, { status: 201 });
});
