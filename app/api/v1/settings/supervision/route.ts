import { apiRoute, readJson } from "@/lib/api/handler";
import { readSupervisionSettings } from "@/lib/supervision/read-settings";
import { updateSupervisionSettings } from "@/lib/supervision/update-settings";

/** 督办规则 (ADMIN): every value and its `version`. */
export const GET = apiRoute(async ({ actor }) => readSupervisionSettings({ actor }));

/** `{"version", …values}` (a value left out keeps its value) → the values; 409 when stale; colours are recomputed after. */
export const PUT = apiRoute(async ({ actor, req }) => updateSupervisionSettings({ actor, input: await readJson(req) }));
