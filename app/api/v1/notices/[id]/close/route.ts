import { apiRoute, readJson } from "@/lib/api/handler";
import { closeNotice } from "@/lib/supervision/close-notice";

/** `{"version"}` (办结销号 by a manager, only a replied notice with evidence) → the notice. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  closeNotice({ actor, noticeId: params.id, input: await readJson(req) }),
);
