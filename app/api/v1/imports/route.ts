import { apiRoute, readUpload } from "@/lib/api/handler";
import { getImportJob, startImport } from "@/lib/imports/jobs";
import { runImportJob } from "@/lib/imports/run-job";

/**
 * multipart/form-data: `file` (.xlsx or .csv) and `kind` (PROJECTS or ENTERPRISES).
 * Starts a dry run and answers 202 with the job; GET /api/v1/imports/{id} shows its progress.
 */
export const POST = apiRoute(async ({ actor, req, locale }) => {
  const { file, fields } = await readUpload(req);
  const id = await startImport({ actor, input: fields, file });
  // The rows are done after the answer; the page polls the job.
  void runImportJob(id);
  return Response.json(await getImportJob({ actor, id, locale }), { status: 202 });
});
