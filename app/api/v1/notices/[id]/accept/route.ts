import { apiRoute, readJson } from "@/lib/api/handler";
import { acceptNotice } from "@/lib/supervision/accept-notice";

/** `{"version"}` (a manager accepts the measures; the notice stays REPLIED until closed) → the notice. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  acceptNotice({ actor, noticeId: params.id, input: await readJson(req) }),
);
