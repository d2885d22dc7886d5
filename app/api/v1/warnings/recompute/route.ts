import { apiRoute } from "@/lib/api/handler";
import { recomputeWarningsNow } from "@/lib/supervision/recompute-warnings-now";

/** Every project's colour recomputed now → {projects, changed, overridesEnded, byColor}. */
export const POST = apiRoute(async ({ actor }) => recomputeWarningsNow({ actor }));
