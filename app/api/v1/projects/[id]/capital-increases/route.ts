import { apiRoute, readJson } from "@/lib/api/handler";
import { addCapitalIncrease, listCapitalIncreases } from "@/lib/projects/capital-increases";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({
  items: await listCapitalIncreases({ actor, projectId: params.id }),
}));

/** 增资扩产: 201 with the increase and the project's new figures and version. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) => {
  const result = await addCapitalIncrease({ actor, projectId: params.id, input: await readJson(req) });
  return Response.json(result, { status: 201 });
});
