import { apiRoute, readJson } from "@/lib/api/handler";
import { rejectNoticeReply } from "@/lib/supervision/reject-notice-reply";

/** `{"reason", "version"}` (a manager sends the reply back: ISSUED again) → the notice. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  rejectNoticeReply({ actor, noticeId: params.id, input: await readJson(req) }),
);
