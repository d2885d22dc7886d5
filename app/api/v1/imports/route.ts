import { apiRoute, readUpload } from "@/lib/api/handler";
import { getImportJob, startImport } from "@/lib/imports/jobs";

/**
 * multipart/form-data: `file` (.xlsx or .csv) and `kind` (PROJECTS or ENTERPRISES).
 * Starts a dry run (a job for the job runner) and answers 202 with it; GET /api/v1/imports/{id} shows its progress.
 */
export const POST = apiRoute(async ({ actor, req, locale }) => {
  const { file, fields } = await readUpload(req);
  const id = await startImport({ actor, input: fields, file });
  return Response.json(await getImportJob({ actor, id, locale }), { status: 202 });
});
