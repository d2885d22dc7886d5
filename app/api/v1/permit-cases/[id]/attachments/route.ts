import { apiRoute, readUpload } from "@/lib/api/handler";
import { listCaseDocuments, uploadCaseDocument } from "@/lib/permits/documents";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({
  items: await listCaseDocuments({ actor, caseId: params.id }),
}));

/** multipart/form-data `file`: a document of the case's one set of materials (一套材料). */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) => {
  const { file } = await readUpload(req);
  return Response.json(await uploadCaseDocument({ actor, caseId: params.id, file }), { status: 201 });
});
