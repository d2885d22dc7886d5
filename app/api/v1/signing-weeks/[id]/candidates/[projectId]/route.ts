import { apiRoute, readJson } from "@/lib/api/handler";
import { confirmCandidate, removeCandidate } from "@/lib/signing-weeks/signing-weeks";

/** `{"confirmed": true|false, "version"}`. */
export const PATCH = apiRoute<{ id: string; projectId: string }>(async ({ actor, params, req }) =>
  confirmCandidate({ actor, id: params.id, projectId: params.projectId, input: await readJson(req) }),
);

/** `{"version"}`: the candidate is removed. */
export const DELETE = apiRoute<{ id: string; projectId: string }>(async ({ actor, params, req }) =>
  removeCandidate({ actor, id: params.id, projectId: params.projectId, input: await readJson(req) }),
);
