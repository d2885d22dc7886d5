import { apiRoute, readJson } from "@/lib/api/handler";
import { getPlan } from "@/lib/supervision/plan-queries";
import { savePlan } from "@/lib/supervision/save-plan";

/** The year's plan (责任书) with its four milestones; 404 when the project has none for the year. */
export const GET = apiRoute<{ id: string; year: string }>(async ({ actor, params }) =>
  getPlan({ actor, projectId: params.id, year: params.year }),
);

/** Drafts or edits the plan (`version` from the second save; `reason` to change a signed one). */
export const PUT = apiRoute<{ id: string; year: string }>(async ({ actor, params, req }) =>
  savePlan({ actor, projectId: params.id, year: params.year, input: await readJson(req) }),
);
