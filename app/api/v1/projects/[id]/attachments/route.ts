import { apiRoute, readUpload } from "@/lib/api/handler";
import { listAttachments, uploadAttachment } from "@/lib/attachments/attachments";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({
  items: await listAttachments({ actor, projectId: params.id }),
}));

/** multipart/form-data: `file` and optional `category` (AGREEMENT, DOCUMENT, OTHER). */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) => {
  const { file, fields } = await readUpload(req);
  const attachment = await uploadAttachment({ actor, projectId: params.id, file, input: fields });
  return Response.json(attachment, { status: 201 });
});
