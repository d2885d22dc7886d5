import { apiRoute, readJson } from "@/lib/api/handler";
import { commitImport, getImportJob } from "@/lib/imports/jobs";

/** Imports the file of a finished dry run: `{"skipErrors": false, "linkSimilar": false}` → 202 with the new job. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req, locale }) => {
  const id = await commitImport({ actor, dryRunId: params.id, input: await readJson(req) });
  return Response.json(await getImportJob({ actor, id, locale }), { status: 202 });
});
