import { apiRoute, readJson } from "@/lib/api/handler";
import { decideNoticeExtension } from "@/lib/supervision/decide-notice-extension";

/** `{"grant": true|false, "reason", "version"}` (a manager decides the extension asked for) → the notice. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  decideNoticeExtension({ actor, noticeId: params.id, input: await readJson(req) }),
);
