import { apiRoute } from "@/lib/api/handler";
import { listWarningChanges } from "@/lib/supervision/warning-history";

/** The colour now and its history with reasons, in the caller's language. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params, locale }) =>
  listWarningChanges({ actor, projectId: params.id, locale }),
);
