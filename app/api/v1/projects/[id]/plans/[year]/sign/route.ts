import { apiRoute, readOptionalJson } from "@/lib/api/handler";
import { signPlan } from "@/lib/supervision/sign-plan";

/** 签字认领 by the leader named on the plan: `{}` or no body (optionally `version`). */
export const POST = apiRoute<{ id: string; year: string }>(async ({ actor, params, req }) =>
  signPlan({ actor, projectId: params.id, year: params.year, input: await readOptionalJson(req) }),
);
