import { apiRoute, readJson } from "@/lib/api/handler";
import { getTargets } from "@/lib/targets/get-targets";
import { saveTargets } from "@/lib/targets/save-targets";

/** ?year= → the year's targets with progress and roll-ups (SPEC §8, §10). */
export const GET = apiRoute(async ({ actor, url }) =>
  getTargets({ actor, query: Object.fromEntries(url.searchParams) }),
);

/** {year, items: [{unit, unitId, indicator, annual, quarters?}], version?} → the saved year (MANAGER, ADMIN). */
export const PUT = apiRoute(async ({ actor, req }) => saveTargets({ actor, input: await readJson(req) }));
