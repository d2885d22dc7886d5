import { apiRoute, readJson } from "@/lib/api/handler";
import { requestNoticeExtension } from "@/lib/supervision/request-notice-extension";

/** `{"days", "reason", "version"}` (the leader or owner, once, at least 1 working day before the deadline) → the notice. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  requestNoticeExtension({ actor, noticeId: params.id, input: await readJson(req) }),
);
