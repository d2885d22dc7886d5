import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { getImportJob, runImportJob, startImport } from "@/lib/imports/jobs";

/**
 * multipart/form-data: `file` (.xlsx or .csv) and `kind` (PROJECTS or ENTERPRISES).
 * Starts a dry run and answers 202 with the job; GET /api/v1/imports/{id} shows its progress.
 */
export const POST = apiRoute(async ({ actor, req, locale }) => {
  const form = await req.formData().catch(() => {
    throw new AppError("VALIDATION", { fields: { file: "validation.required" } });
  });
  const f = form.get("file");
  const file = f instanceof File ? { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) } : null;
  const id = await startImport({ actor, input: { kind: form.get("kind") ?? undefined }, file });
  // The rows are done after the answer; the page polls the job.
  void runImportJob(id);
  return Response.json(await getImportJob({ actor, id, locale }), { status: 202 });
});
