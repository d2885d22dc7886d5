import { apiRoute } from "@/lib/api/handler";
import { getEnterprise } from "@/lib/enterprises/queries";

/** The enterprise, its projects, and enterprises that may be duplicates of it. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => getEnterprise({ actor, id: params.id }));
