import { apiRoute, readJson } from "@/lib/api/handler";
import { addProgressEntry } from "@/lib/supervision/add-progress";
import { listProgress } from "@/lib/supervision/progress-queries";

/** 日调度 entries, newest first (`?year=` for one year's). */
export const GET = apiRoute<{ id: string }>(async ({ actor, params, url }) => ({
  items: await listProgress({ actor, projectId: params.id, query: Object.fromEntries(url.searchParams) }),
}));

/** A progress entry: 201; 422 RULE_NOT_UNDER_DISPATCH without a plan for the entry's year. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) => {
  const entry = await addProgressEntry({ actor, projectId: params.id, input: await readJson(req) });
  return Response.json(entry, { status: 201 });
});
