import { apiRoute, readJson } from "@/lib/api/handler";
import { createProject } from "@/lib/projects/create-project";
import { listProjects } from "@/lib/projects/queries";

export const GET = apiRoute(async ({ actor, url, locale }) =>
  listProjects({ actor, query: Object.fromEntries(url.searchParams), locale }),
);

export const POST = apiRoute(async ({ actor, req }) => {
  const project = await createProject({ actor, input: await readJson(req) });
  return Response.json(project, { status: 201 });
});
