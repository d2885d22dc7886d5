import { Readable } from "node:stream";
import { apiRoute } from "@/lib/api/handler";
import { downloadResponse } from "@/lib/api/download";
import { readAttachment } from "@/lib/attachments/attachments";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const file = await readAttachment({ actor, id: params.id });
  // Streamed from the file store (the upload directory or the bucket), never held whole.
  return downloadResponse(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
    fileName: file.fileName,
    type: file.mimeType,
  });
});
