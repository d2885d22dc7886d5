import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { listCaseDocuments, uploadCaseDocument } from "@/lib/permits/documents";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({
  items: await listCaseDocuments({ actor, caseId: params.id }),
}));

/** multipart/form-data `file`: a document of the case's one set of materials (一套材料). */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) => {
  const form = await req.formData().catch(() => {
    throw new AppError("VALIDATION", { fields: { file: "validation.required" } });
  });
  const f = form.get("file");
  const file = f instanceof File ? { name: f.name, type: f.type, bytes: new Uint8Array(await f.arrayBuffer()) } : null;
  return Response.json(await uploadCaseDocument({ actor, caseId: params.id, file }), { status: 201 });
});
