import { apiRoute } from "@/lib/api/handler";
import { downloadResponse } from "@/lib/api/download";
import { readAttachment } from "@/lib/attachments/attachments";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const file = await readAttachment({ actor, id: params.id });
  return downloadResponse(file.bytes, { fileName: file.fileName, type: file.mimeType });
});
