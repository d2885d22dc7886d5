import { apiRoute, readJson } from "@/lib/api/handler";
import { transitionProblem } from "@/lib/problems/transition-problem";

/** `{"to": "IN_PROGRESS"|"RESOLVED"|"CLOSED_UNRESOLVED"|"OPEN", "resolution"|"reason", "version"}` → the problem. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  transitionProblem({ actor, problemId: params.id, input: await readJson(req) }),
);
