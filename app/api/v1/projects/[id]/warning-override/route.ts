import { apiRoute, readJson } from "@/lib/api/handler";
import { endWarningOverride } from "@/lib/supervision/end-warning-override";
import { overrideWarning } from "@/lib/supervision/override-warning";

/** A manager's override of the colour: {color, reason, until} → the colour with the computed one beside it. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req, locale }) =>
  overrideWarning({ actor, projectId: params.id, input: await readJson(req), locale }),
);

/** Ends the override before its last day: the computed colour again. */
export const DELETE = apiRoute<{ id: string }>(async ({ actor, params, locale }) =>
  endWarningOverride({ actor, projectId: params.id, locale }),
);
