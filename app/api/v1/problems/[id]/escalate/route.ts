import { apiRoute, readJson } from "@/lib/api/handler";
import { escalateProblem } from "@/lib/problems/escalate-problem";

/** `{"reason", "version"}` (a manager or the project's leader) → the problem, one level up (at most 3). */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  escalateProblem({ actor, problemId: params.id, input: await readJson(req) }),
);
