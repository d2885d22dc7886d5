import { apiRoute } from "@/lib/api/handler";
import { getBulletin } from "@/lib/bulletins/queries";

/** The stored bulletin as generated (frozen). */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => getBulletin({ actor, id: params.id }));
