import { apiRoute, readJson } from "@/lib/api/handler";
import { getSigningWeek, updateSigningWeek } from "@/lib/signing-weeks/signing-weeks";

/** The event with its candidates and the summary `{count, investment, byIndustry, byChain, projects}`. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => getSigningWeek({ actor, id: params.id }));

/** `{"name", "startDate", "endDate", "note", "version"}`. */
export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  updateSigningWeek({ actor, id: params.id, input: await readJson(req) }),
);
