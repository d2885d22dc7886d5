import { apiRoute, readJson } from "@/lib/api/handler";
import { replyNotice } from "@/lib/supervision/reply-notice";

/** `{"reply", "attachmentIds": [...], "version"}` (the leader or owner; evidence uploaded first) → the notice. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  replyNotice({ actor, noticeId: params.id, input: await readJson(req) }),
);
