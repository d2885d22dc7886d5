import { apiRoute, readJson } from "@/lib/api/handler";
import { getProblem } from "@/lib/problems/problem-queries";
import { updateProblem } from "@/lib/problems/update-problem";

/** The problem with its timeline in words. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params, locale }) =>
  getProblem({ actor, id: params.id, locale }),
);

/** `{"title", "category", "department", "dueDate", "description", "version"}` (any of them) → the problem. */
export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  updateProblem({ actor, problemId: params.id, input: await readJson(req) }),
);
