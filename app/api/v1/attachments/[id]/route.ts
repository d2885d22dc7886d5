import { apiRoute } from "@/lib/api/handler";
import { readAttachment } from "@/lib/attachments/attachments";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const file = await readAttachment({ actor, id: params.id });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.mimeType,
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "x-content-type-options": "nosniff",
    },
  });
});
