import { apiRoute } from "@/lib/api/handler";
import { chainGaps } from "@/lib/chains/queries";

/** → {"chain", "completeness": 0..100, "links": [{id, name, position, status, localEnterprises, openProjects, targets}]} */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => chainGaps({ actor, id: params.id }));
