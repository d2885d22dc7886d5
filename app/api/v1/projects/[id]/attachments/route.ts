import { apiRoute } from "@/lib/api/handler";
import { listAttachments, uploadAttachment } from "@/lib/attachments/attachments";
import { AppError } from "@/lib/errors";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({
  items: await listAttachments({ actor, projectId: params.id }),
}));

/** multipart/form-data: `file` and optional `category` (AGREEMENT, DOCUMENT, OTHER). */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) => {
  const form = await req.formData().catch(() => {
    throw new AppError("VALIDATION", { fields: { file: "validation.required" } });
  });
  const f = form.get("file");
  const file = f instanceof File ? { name: f.name, type: f.type, bytes: new Uint8Array(await f.arrayBuffer()) } : null;
  const attachment = await uploadAttachment({
    actor,
    projectId: params.id,
    file,
    input: { category: form.get("category") || undefined },
  });
  return Response.json(attachment, { status: 201 });
});
